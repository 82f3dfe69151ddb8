import { describe, expect, it } from 'vitest';
import type { Hex } from 'viem';
import { checkDraw, commitment, winnerIndex, winningPoint } from '../src/fairness';
import draws from './fixtures/draws.json';

// test/fixtures/draws.json holds values computed by the Java DrawMath (which the chain module's
// integration tests hold to the contract itself); cli's UiDrawFixtureTest re-checks every value
// against DrawMath, so the expectations never come from the code under test.
describe('fairness recomputed in the browser', () => {
  it.each(draws.map((d) => [d.roundId, d] as const))('agrees with the contract on round %i', (_, draw) => {
    const seed = draw.seed as Hex;
    const totals = draw.cumulativeTotals.map(BigInt);
    const pot = totals[totals.length - 1];
    expect(commitment(BigInt(draw.chainId), draw.contract as Hex, BigInt(draw.roundId), seed)).toBe(draw.commitment);
    const point = winningPoint(seed, BigInt(draw.roundId), pot);
    expect(point.toString()).toBe(draw.winningPoint);
    expect(winnerIndex(totals, point)).toBe(draw.winnerIndex);
  });

  it('agrees with a real draw on Anvil (docs/API.md, round 1)', () => {
    const check = checkDraw({
      chainId: 31337n,
      lottery: '0x5fbdb2315678afecb367f032d93f642f64180aa3',
      roundId: 1n,
      seed: '0x3aed7d2ec9ac1b9bad332cc2f1c82848adec1100d9697b63213d3abdf59be846',
      storedCommitment: '0x62e6fed6c1c09b20735e960eca230a2e39dd6e52a98cb9eddddb30b14bbe12dc',
      totalPot: 20000000000000000n,
      winnerOnChain: '0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc',
      bets: {
        bettors: ['0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc', '0x90f79bf6eb2c4f870365e785982e1f101e93b906'],
        cumulativeTotals: [10000000000000000n, 20000000000000000n],
      },
    });
    expect(check.commitmentMatches).toBe(true);
    expect(check.point).toBe(3924116879375481n);
    expect(check.recomputedWinner).toBe('0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc');
    expect(check.winnerMatches).toBe(true);
  });

  it('says so when the seed does not match the commitment or the winner differs', () => {
    const draw = draws[3];
    const totals = draw.cumulativeTotals.map(BigInt);
    const check = checkDraw({
      chainId: BigInt(draw.chainId),
      lottery: draw.contract as Hex,
      roundId: BigInt(draw.roundId),
      seed: `0x${'11'.repeat(32)}`,
      storedCommitment: draw.commitment as Hex,
      totalPot: totals[totals.length - 1],
      winnerOnChain: draw.bettors[draw.winnerIndex] as Hex,
      bets: { bettors: draw.bettors as Hex[], cumulativeTotals: totals },
    });
    expect(check.commitmentMatches).toBe(false);
    const honest = checkDraw({
      chainId: BigInt(draw.chainId),
      lottery: draw.contract as Hex,
      roundId: BigInt(draw.roundId),
      seed: draw.seed as Hex,
      storedCommitment: draw.commitment as Hex,
      totalPot: totals[totals.length - 1],
      winnerOnChain: '0x000000000000000000000000000000000000dead',
      bets: { bettors: draw.bettors as Hex[], cumulativeTotals: totals },
    });
    expect(honest.commitmentMatches).toBe(true);
    expect(honest.winnerMatches).toBe(false);
  });

  it('leaves the winner unchecked without the bets, and refuses impossible inputs', () => {
    const draw = draws[0];
    const check = checkDraw({
      chainId: BigInt(draw.chainId),
      lottery: draw.contract as Hex,
      roundId: BigInt(draw.roundId),
      seed: draw.seed as Hex,
      storedCommitment: draw.commitment as Hex,
      totalPot: BigInt(draw.cumulativeTotals[0]),
      winnerOnChain: draw.bettors[0] as Hex,
      bets: null,
    });
    expect(check.recomputedWinner).toBeNull();
    expect(check.winnerMatches).toBeNull();
    expect(() => winningPoint(draw.seed as Hex, 1n, 0n)).toThrow(/positive/);
    expect(() => winnerIndex([], 0n)).toThrow(/without bets/);
    expect(() => winnerIndex([5n], 5n)).toThrow(/outside/);
  });
});
