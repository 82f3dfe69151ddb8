// The feed server's REST API and feed messages, typed as docs/API.md states them. Wei amounts are
// decimal strings, times Unix seconds, hashes and addresses lower-case hex.

export type RoundState = 'WAITING' | 'BETTING' | 'DRAWING' | 'COMPLETED' | 'REFUNDED';

export interface Round {
  roundId: number;
  startTime: number;
  endTime: number;
  minDrawTime: number;
  maxDrawTime: number;
  totalPot: string;
  participantCount: number;
  winner: string;
  publisherCommission: string;
  winnerPrize: string;
  state: RoundState;
  seedCommitment: string;
  revealedSeed: string;
  betCount: number;
  totalExtension: number;
  revealPenalty: string;
}

export interface Settings {
  publisher: string;
  operator: string;
  publisherCommissionBps: number;
  minBetAmount: string;
  bettingDuration: number;
  minDrawDelayAfterEnd: number;
  maxDrawDelayAfterEnd: number;
  minEndTimeExtension: number;
  minParticipants: number;
  revealPenaltyBps: number;
  operatorBond: string;
  maxPot: string;
  unrevealedRounds: number;
  paused: boolean;
  pendingOperator: string;
  pendingOperatorEffectiveAt: number;
  operatorChangeDelay: number;
  maxTotalExtension: number;
}

export interface Participant {
  address: string;
  amount: string;
}

export interface HistoryEntry {
  round: Round;
  finishedAt: number;
  refundReason: string | null;
  transactionHash: string | null;
  block: number;
}

export interface Activity {
  id: string;
  kind: string;
  roundId: number;
  actor: string | null;
  amount: string | null;
  message: string;
  timestamp: number;
  block: number;
  transactionHash: string | null;
}

export interface Health {
  status: 'healthy' | 'degraded' | 'error';
  reason: string | null;
  chainId: number;
  latestBlock: number;
  viewBlock?: number;
  lagBlocks?: number;
  ready?: boolean;
  version?: string;
}

export interface PlayerView {
  player: string;
  roundId: number;
  amount: string;
  totalPot: string;
  chance: number;
  owed: {
    pendingWithdrawal: string;
    refunds: { roundId: number; amount: string }[];
    total: string;
  };
  /** The block of the server's view the answer was read at. */
  block: number;
}

export interface Verification {
  roundId: number;
  chainId: number;
  contract: string;
  state: RoundState;
  totalPot: string;
  betCount: number;
  commitment: string;
  revealedSeed: string;
  winningPoint: string | null;
  recomputedWinner: string | null;
  winnerOnChain: string;
  matches: boolean;
  reason: string;
}

export type FeedMessage =
  | { type: 'config_update'; contract: string; chainId: number; settings: Settings | null; block: number }
  | { type: 'round_update'; round: Round; block: number }
  | { type: 'participants_update'; roundId: number; totalPot: string; participants: Participant[]; block: number }
  | { type: 'history_update'; rounds: HistoryEntry[]; block: number }
  | ({ type: 'activity' } & Activity)
  | { type: 'retracted'; forkBlock: number; activityIds: string[] }
  | {
      type: 'heartbeat';
      serverTime: number;
      chainId: number;
      contract: string;
      viewBlock: number;
      latestBlock: number;
      ready: boolean;
    };

/** An answer that was not 2xx, with the server's own `{"error": …}` text when it gave one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const text = await response.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: reported below by status
  }
  if (!response.ok) {
    const error = (body as { error?: string } | null)?.error;
    throw new ApiError(response.status, error ?? `the server answered ${response.status}`);
  }
  return body as T;
}

/**
 * Reads until the answer is from `block` or later. After the player's own transaction is mined in
 * `block`, the server's view may not have reached it yet, and no feed message follows a withdrawal or
 * a refund claim to prompt another read: without this the page would keep offering what was just
 * taken. Gives up after `tries` reads and returns the last answer.
 */
export async function readFromBlock<T extends { block: number }>(
  read: () => Promise<T>,
  block: number,
  pause: () => Promise<void> = () => new Promise((resume) => setTimeout(resume, 250)),
  tries = 20,
): Promise<T> {
  let answer = await read();
  for (let left = tries - 1; answer.block < block && left > 0; left--) {
    await pause();
    answer = await read();
  }
  return answer;
}

export const api = {
  health: () => getJson<Health>('/api/health'),
  activities: (limit = 50) => getJson<{ items: Activity[] }>(`/api/activities?limit=${limit}`),
  player: (address: string) => getJson<PlayerView>(`/api/round/player?player=${address}`),
  verification: (roundId: number) => getJson<Verification>(`/api/rounds/${roundId}/verification`),

  /** The raw attestation document for our nonce; null when the lottery has no enclave signer. */
  async attestation(nonceHex: string): Promise<Uint8Array | null> {
    try {
      const answer = await getJson<{ nonce: string; document: string }>(`/api/attestation?nonce=${nonceHex}`);
      return Uint8Array.from(atob(answer.document), (c) => c.charCodeAt(0));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        return null;
      }
      throw error;
    }
  },
};
