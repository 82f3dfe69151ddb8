import { encodeAbiParameters, keccak256, type Hex } from 'viem';

// The contract's draw arithmetic, recomputed in the browser so a player need not trust the server:
// the same formulas as Lottery.sol and the Java DrawMath, checked against both by the unit tests.

/** keccak256(abi.encode(uint256 chainId, address lottery, uint256 roundId, bytes32 seed)). */
export function commitment(chainId: bigint, lottery: Hex, roundId: bigint, seed: Hex): Hex {
  return keccak256(
    encodeAbiParameters(
      [{ type: 'uint256' }, { type: 'address' }, { type: 'uint256' }, { type: 'bytes32' }],
      [chainId, lottery, roundId, seed],
    ),
  );
}

/** uint256(keccak256(abi.encode(bytes32 seed, uint256 roundId))) % totalPot. */
export function winningPoint(seed: Hex, roundId: bigint, totalPot: bigint): bigint {
  if (totalPot <= 0n) {
    throw new RangeError(`a pot to draw from must be positive, not ${totalPot}`);
  }
  const hash = keccak256(encodeAbiParameters([{ type: 'bytes32' }, { type: 'uint256' }], [seed, roundId]));
  return BigInt(hash) % totalPot;
}

/** The first bet whose cumulative total exceeds the point (bet i covers [cum(i-1), cum(i))). */
export function winnerIndex(cumulativeTotals: readonly bigint[], point: bigint): number {
  if (cumulativeTotals.length === 0) {
    throw new RangeError('a round without bets has no winner');
  }
  if (point < 0n || point >= cumulativeTotals[cumulativeTotals.length - 1]) {
    throw new RangeError(`point ${point} lies outside the pot`);
  }
  let low = 0;
  let high = cumulativeTotals.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (cumulativeTotals[middle] > point) {
      high = middle;
    } else {
      low = middle + 1;
    }
  }
  return low;
}

/** The bets of one round as the contract lists them (`getBets`). */
export interface RoundBets {
  bettors: readonly Hex[];
  cumulativeTotals: readonly bigint[];
}

/** One drawn round, as far as the browser could check it. */
export interface DrawCheck {
  commitmentMatches: boolean;
  recomputedCommitment: Hex;
  point: bigint;
  /** Null when the bets could not be read, so the winner was not recomputed here. */
  recomputedWinner: Hex | null;
  winnerMatches: boolean | null;
}

/** Recomputes a drawn round from its commitment, seed, pot and (when known) its bets. */
export function checkDraw(input: {
  chainId: bigint;
  lottery: Hex;
  roundId: bigint;
  seed: Hex;
  storedCommitment: Hex;
  totalPot: bigint;
  winnerOnChain: Hex;
  bets: RoundBets | null;
}): DrawCheck {
  const recomputedCommitment = commitment(input.chainId, input.lottery, input.roundId, input.seed);
  const point = winningPoint(input.seed, input.roundId, input.totalPot);
  let recomputedWinner: Hex | null = null;
  if (input.bets && input.bets.cumulativeTotals.length > 0) {
    const totals = input.bets.cumulativeTotals;
    if (totals[totals.length - 1] === input.totalPot) {
      recomputedWinner = input.bets.bettors[winnerIndex(totals, point)];
    }
  }
  return {
    commitmentMatches: recomputedCommitment.toLowerCase() === input.storedCommitment.toLowerCase(),
    recomputedCommitment,
    point,
    recomputedWinner,
    winnerMatches:
      recomputedWinner === null ? null : recomputedWinner.toLowerCase() === input.winnerOnChain.toLowerCase(),
  };
}
