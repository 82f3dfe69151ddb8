import type { Activity, FeedMessage, Health, HistoryEntry, Participant, PlayerView, Round, Settings } from './api';
import type { AttestationReport } from './attestation/attestation';
import type { DrawCheck } from './fairness';
import type { DiscoveredWallet, WalletSession } from './wallet';

/** What the page shows, in one value; views render it and nothing else. */
export interface PageState {
  connection: { status: 'connecting' | 'live' | 'offline'; retryInSeconds: number };
  contract: string | null;
  chainId: number | null;
  settings: Settings | null;
  round: Round | null;
  participants: { roundId: number; totalPot: string; list: Participant[] };
  /** The players of rounds seen live, kept for recomputing their draws when each bet once. */
  playersByRound: Map<number, Participant[]>;
  history: HistoryEntry[];
  activities: Activity[];
  sync: { viewBlock: number; latestBlock: number; ready: boolean } | null;
  health: Health | null;
  /** Seconds to add to the local clock to get chain time (chains in tests run ahead). */
  clockOffset: number;
  wallets: DiscoveredWallet[];
  session: WalletSession | null;
  walletChainId: number | null;
  player: PlayerView | null;
  action: ActionState;
  fairness: Map<number, FairnessState>;
  attestation: AttestationState;
}

export type ActionState =
  | { status: 'idle' }
  | { status: 'working'; what: string }
  | { status: 'pending'; what: string; hash: string }
  | { status: 'done'; message: string; hash: string }
  | { status: 'failed'; message: string };

export type FairnessState =
  | { status: 'checking' }
  | {
      status: 'checked';
      check: DrawCheck;
      /** Where the bets came from, in words, or why the winner was not recomputed. */
      betsSource: string;
      serverMatches: boolean;
      serverReason: string;
    }
  | { status: 'failed'; message: string };

export type AttestationState =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'checked'; report: AttestationReport }
  | { status: 'failed'; message: string };

export const MAX_ACTIVITIES = 50;

export function initialState(): PageState {
  return {
    connection: { status: 'connecting', retryInSeconds: 0 },
    contract: null,
    chainId: null,
    settings: null,
    round: null,
    participants: { roundId: 0, totalPot: '0', list: [] },
    playersByRound: new Map(),
    history: [],
    activities: [],
    sync: null,
    health: null,
    clockOffset: 0,
    wallets: [],
    session: null,
    walletChainId: null,
    player: null,
    action: { status: 'idle' },
    fairness: new Map(),
    attestation: { status: 'loading' },
  };
}

/** Applies one feed message to the state (in place) and says what it changed. */
export function applyFeedMessage(state: PageState, message: FeedMessage, nowSeconds: number): void {
  switch (message.type) {
    case 'config_update':
      state.contract = message.contract;
      state.chainId = message.chainId;
      state.settings = message.settings ?? state.settings;
      break;
    case 'round_update':
      state.round = message.round;
      break;
    case 'participants_update':
      state.participants = { roundId: message.roundId, totalPot: message.totalPot, list: message.participants };
      state.playersByRound.set(message.roundId, message.participants);
      break;
    case 'history_update':
      state.history = message.rounds;
      break;
    case 'activity':
      mergeActivities(state, [message]);
      // chains in tests move time ahead: follow the newest block's clock when it runs ahead of ours
      if (message.timestamp > nowSeconds + state.clockOffset) {
        state.clockOffset = message.timestamp - nowSeconds;
      }
      break;
    case 'retracted': {
      const undone = new Set(message.activityIds);
      state.activities = state.activities.filter((item) => !undone.has(item.id));
      break;
    }
    case 'heartbeat':
      state.sync = { viewBlock: message.viewBlock, latestBlock: message.latestBlock, ready: message.ready };
      break;
  }
}

/** Whether the connected wallet is on another chain than the lottery's: nothing can be sent then. */
export function walletOnWrongNetwork(state: PageState): boolean {
  return (
    state.session !== null &&
    state.walletChainId !== null &&
    state.chainId !== null &&
    state.walletChainId !== state.chainId
  );
}

/** Adds activity items, newest first, without duplicates (a resync re-reads what was seen). */
export function mergeActivities(state: PageState, items: Activity[]): void {
  const byId = new Map(state.activities.map((item) => [item.id, item]));
  for (const item of items) {
    byId.set(item.id, item);
  }
  state.activities = [...byId.values()]
    .sort((a, b) => b.block - a.block || logIndex(b) - logIndex(a))
    .slice(0, MAX_ACTIVITIES);
}

function logIndex(item: Activity): number {
  return Number(item.id.slice(item.id.lastIndexOf(':') + 1)) || 0;
}
