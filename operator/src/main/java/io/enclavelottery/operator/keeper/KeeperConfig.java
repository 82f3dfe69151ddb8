package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.tx.FeePolicy;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * How one {@link RoundKeeper} runs.
 *
 * @param expectedChainId the chain the contract is on; a node on another chain is refused
 * @param feePolicy how the sender prices gas, to tell whether the operator can pay for a
 *     transaction
 * @param gasReserve the gas one operator transaction may need (a draw takes about 170,000)
 * @param retryInitial the first wait after the chain failed or something blocked the keeper;
 *     doubled per failure
 * @param retryMax the longest wait between attempts
 * @param minRecheck the shortest pause before a scheduled look, so a plan whose time has just come
 *     does not spin
 */
public record KeeperConfig(
    long expectedChainId,
    FeePolicy feePolicy,
    long gasReserve,
    Duration retryInitial,
    Duration retryMax,
    Duration minRecheck) {

  public KeeperConfig {
    Objects.requireNonNull(feePolicy, "feePolicy");
    Objects.requireNonNull(retryInitial, "retryInitial");
    Objects.requireNonNull(retryMax, "retryMax");
    Objects.requireNonNull(minRecheck, "minRecheck");
    if (expectedChainId <= 0) {
      throw new IllegalArgumentException("the chain id must be positive: " + expectedChainId);
    }
    if (gasReserve <= 0) {
      throw new IllegalArgumentException("the gas reserve must be positive");
    }
    if (retryInitial.isNegative()
        || retryInitial.isZero()
        || retryMax.compareTo(retryInitial) < 0) {
      throw new IllegalArgumentException("retry delays must be positive, initial ≤ max");
    }
  }

  /** 250,000 gas of reserve, retries from 1 s doubling to 60 s, rechecks no sooner than 200 ms. */
  public static KeeperConfig forChain(long chainId, FeePolicy feePolicy) {
    return new KeeperConfig(
        chainId,
        feePolicy,
        250_000,
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofMillis(200));
  }

  public KeeperConfig withRetry(Duration initial, Duration max) {
    return new KeeperConfig(expectedChainId, feePolicy, gasReserve, initial, max, minRecheck);
  }

  /**
   * What one operator transaction may cost at {@code baseFee}: the gas reserve at the fee the
   * sender would offer (base fee times its multiplier plus the tip, within the fee cap).
   */
  public BigInteger transactionCost(BigInteger baseFee) {
    BigInteger fee =
        baseFee
            .multiply(BigInteger.valueOf(feePolicy.baseFeeMultiplier()))
            .add(feePolicy.fallbackPriorityFeeWei());
    BigInteger capped = feePolicy.maxFeeCapWei().map(fee::min).orElse(fee);
    return capped.multiply(BigInteger.valueOf(gasReserve));
  }
}
