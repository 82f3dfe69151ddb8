package io.enclavelottery.chain.contract;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.crypto.Hash;

/**
 * The contract's draw arithmetic, recomputed off-chain: the seed commitment, the winning point and
 * the winning bet. Pure functions with no I/O; they must agree with {@code Lottery.sol} bit for
 * bit, which the integration tests check against the contract itself.
 */
public final class DrawMath {

  private DrawMath() {}

  /**
   * {@code keccak256(abi.encode(uint256 chainId, address contract, uint256 roundId, bytes32
   * seed))}: what the operator commits before betting closes.
   */
  public static Hex32 commitment(long chainId, String contract, long roundId, Hex32 seed) {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(seed, "seed");
    String encoded =
        TypeEncoder.encode(LotteryCalls.uint(chainId))
            + TypeEncoder.encode(new Address(contract))
            + TypeEncoder.encode(LotteryCalls.uint(roundId))
            + TypeEncoder.encode(new Bytes32(seed.toBytes()));
    return Hex32.parse(Hash.sha3(encoded));
  }

  /**
   * {@code uint256(keccak256(abi.encode(bytes32 seed, uint256 roundId))) % totalPot}: the point of
   * the pot, in wei from zero, that wins.
   *
   * @throws IllegalArgumentException when the pot is not positive
   */
  public static BigInteger winningPoint(Hex32 seed, long roundId, BigInteger totalPot) {
    Objects.requireNonNull(seed, "seed");
    if (totalPot.signum() <= 0) {
      throw new IllegalArgumentException("a pot to draw from must be positive: " + totalPot);
    }
    String encoded =
        TypeEncoder.encode(new Bytes32(seed.toBytes()))
            + TypeEncoder.encode(LotteryCalls.uint(roundId));
    return Hex32.parse(Hash.sha3(encoded)).toBigInteger().mod(totalPot);
  }

  /**
   * The index of the winning bet: the first whose cumulative total exceeds the point, so that bet
   * {@code i} covers {@code [cumulative(i-1), cumulative(i))}. Binary search, as the contract does.
   *
   * @param cumulativeTotals the round's bets' running totals, strictly increasing
   * @param point a winning point in {@code [0, last cumulative total)}
   * @throws IllegalArgumentException when the list is empty or the point lies beyond the pot
   */
  public static int winnerIndex(List<BigInteger> cumulativeTotals, BigInteger point) {
    Objects.requireNonNull(point, "point");
    if (cumulativeTotals.isEmpty()) {
      throw new IllegalArgumentException("a round without bets has no winner");
    }
    if (point.signum() < 0
        || point.compareTo(cumulativeTotals.get(cumulativeTotals.size() - 1)) >= 0) {
      throw new IllegalArgumentException(
          "point "
              + point
              + " lies outside the pot [0, "
              + cumulativeTotals.get(cumulativeTotals.size() - 1)
              + ")");
    }
    int low = 0;
    int high = cumulativeTotals.size() - 1;
    while (low < high) {
      int middle = (low + high) >>> 1;
      if (cumulativeTotals.get(middle).compareTo(point) > 0) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }
}
