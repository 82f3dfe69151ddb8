import { describe, expect, it } from 'vitest';
import type { Activity, Round } from '../src/api';
import { applyFeedMessage, initialState, MAX_ACTIVITIES, mergeActivities, walletOnWrongNetwork } from '../src/state';
import { roundPhase } from '../src/views/round';
import { explainError, type WalletSession } from '../src/wallet';
import { BaseError, UserRejectedRequestError } from 'viem';

const activity = (block: number, logIndex: number): Activity => ({
  id: `0x${block.toString(16).padStart(64, '0')}:${logIndex}`,
  kind: 'bet',
  roundId: 1,
  actor: '0x90f79bf6eb2c4f870365e785982e1f101e93b906',
  amount: '10000000000000000',
  message: `bet in block ${block}`,
  timestamp: 1_700_000_000 + block,
  block,
  transactionHash: null,
});

const round: Round = {
  roundId: 2,
  startTime: 1_000,
  endTime: 1_300,
  minDrawTime: 1_310,
  maxDrawTime: 1_900,
  totalPot: '3000000000000000002',
  participantCount: 2,
  winner: '0x0000000000000000000000000000000000000000',
  publisherCommission: '0',
  winnerPrize: '0',
  state: 'BETTING',
  seedCommitment: `0x${'0'.repeat(64)}`,
  revealedSeed: `0x${'0'.repeat(64)}`,
  betCount: 2,
  totalExtension: 0,
  revealPenalty: '0',
};

describe('the page state fed by the WebSocket', () => {
  it('keeps activity newest first, once each, within its cap, and drops what a reorg retracted', () => {
    const state = initialState();
    mergeActivities(state, [activity(3, 0), activity(5, 1), activity(5, 0)]);
    mergeActivities(state, [activity(5, 1), activity(4, 0)]); // a resync re-reads items already held
    expect(state.activities.map((a) => a.message)).toEqual([
      'bet in block 5',
      'bet in block 5',
      'bet in block 4',
      'bet in block 3',
    ]);
    expect(state.activities[0].id.endsWith(':1')).toBe(true);
    applyFeedMessage(state, { type: 'retracted', forkBlock: 3, activityIds: [activity(5, 1).id, activity(4, 0).id] }, 0);
    expect(state.activities.map((a) => a.block)).toEqual([5, 3]);
    mergeActivities(state, Array.from({ length: 80 }, (_, i) => activity(100 + i, 0)));
    expect(state.activities).toHaveLength(MAX_ACTIVITIES);
    expect(state.activities[0].block).toBe(179);
  });

  it('takes the snapshot messages as they come and remembers each round’s players', () => {
    const state = initialState();
    applyFeedMessage(state, { type: 'config_update', contract: '0xabc', chainId: 31337, settings: null, block: -1 }, 0);
    applyFeedMessage(state, { type: 'round_update', round, block: 9 }, 0);
    applyFeedMessage(
      state,
      { type: 'participants_update', roundId: 2, totalPot: '5', participants: [{ address: '0x1', amount: '5' }], block: 9 },
      0,
    );
    expect(state.chainId).toBe(31337);
    expect(state.round?.roundId).toBe(2);
    expect(state.participants.list).toHaveLength(1);
    expect(state.playersByRound.get(2)).toEqual([{ address: '0x1', amount: '5' }]);
    applyFeedMessage(
      state,
      { type: 'heartbeat', serverTime: 1, chainId: 31337, contract: '0xabc', viewBlock: 8, latestBlock: 10, ready: true },
      0,
    );
    expect(state.sync).toEqual({ viewBlock: 8, latestBlock: 10, ready: true });
  });

  it('follows chain time when blocks are stamped ahead of the local clock', () => {
    const state = initialState();
    applyFeedMessage(state, { type: 'activity', ...activity(1, 0) }, 1_000);
    expect(state.clockOffset).toBe(1_700_000_001 - 1_000);
  });
});

describe('the round countdown', () => {
  it('counts to the end of betting, then to the draw window, then to its close', () => {
    expect(roundPhase(round, 1_100)).toEqual({ label: 'Betting closes in', until: 1_300 });
    expect(roundPhase(round, 1_305)).toEqual({ label: 'Draw window opens in', until: 1_310 });
    expect(roundPhase({ ...round, state: 'DRAWING' }, 1_500)).toEqual({ label: 'Draw window closes in', until: 1_900 });
    expect(roundPhase(round, 2_000).until).toBeNull();
    expect(roundPhase({ ...round, state: 'COMPLETED' }, 1_100)).toEqual({ label: '', until: null });
  });
});

describe('wallet errors in words', () => {
  it('explains a refusal, a missing network, and anything else by its own message', () => {
    expect(explainError(new UserRejectedRequestError(new Error('User rejected')))).toContain('You declined');
    expect(explainError({ code: 4902, message: 'Unrecognized chain' })).toContain('does not know this network');
    expect(explainError(new BaseError('insufficient funds for gas * price + value'))).toContain('does not hold enough ETH');
    expect(explainError(new Error('the wallet is on another network'))).toBe('the wallet is on another network');
    expect(explainError(undefined)).toBe('Something went wrong with the wallet.');
  });
});

describe('walletOnWrongNetwork', () => {
  const connected = (walletChainId: number | null, chainId: number | null) => ({
    ...initialState(),
    session: {} as WalletSession,
    walletChainId,
    chainId,
  });

  it('is true only for a connected wallet on another chain than the lottery', () => {
    expect(walletOnWrongNetwork(connected(1, 31337))).toBe(true);
    expect(walletOnWrongNetwork(connected(31337, 31337))).toBe(false);
  });

  it('is false while the wallet or the lottery has not said its chain, or nothing is connected', () => {
    expect(walletOnWrongNetwork(connected(null, 31337))).toBe(false);
    expect(walletOnWrongNetwork(connected(1, null))).toBe(false);
    expect(walletOnWrongNetwork({ ...connected(1, 31337), session: null })).toBe(false);
  });
});
