package io.enclavelottery.chain.tx;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the sender prices gas. Immutable; {@link #defaults()} gives sensible values and the {@code
 * with…} methods change one at a time.
 *
 * @param gasMultiplier the gas limit is {@code eth_estimateGas × gasMultiplier}, rounded up (the
 *     seed system's {@code BLOCKCHAIN_GAS_MULTIPLIER}); at least 1
 * @param baseFeeMultiplier {@code maxFeePerGas = baseFee × baseFeeMultiplier + tip}; 2 survives six
 *     full blocks of base-fee growth
 * @param fallbackPriorityFeeWei the tip used when the node has no {@code eth_maxPriorityFeePerGas}
 * @param maxFeeCapWei the most ever paid per gas, base fee and tip together (the seed system's
 *     {@code BLOCKCHAIN_GAS_PRICE}, configured in gwei); empty for no cap
 * @param replacementBumpPercent how much a replacement raises both fees over the stuck
 *     transaction's; nodes accept a replacement only from 10 % up
 */
public record FeePolicy(
    BigDecimal gasMultiplier,
    int baseFeeMultiplier,
    BigInteger fallbackPriorityFeeWei,
    Optional<BigInteger> maxFeeCapWei,
    int replacementBumpPercent) {

  /** The environment variable of {@link #gasMultiplier} (the seed system's name). */
  public static final String GAS_MULTIPLIER_VARIABLE = "BLOCKCHAIN_GAS_MULTIPLIER";

  /** The environment variable of {@link #maxFeeCapWei}, in gwei (the seed system's name). */
  public static final String FEE_CAP_GWEI_VARIABLE = "BLOCKCHAIN_GAS_PRICE";

  public FeePolicy {
    Objects.requireNonNull(gasMultiplier, "gasMultiplier");
    Objects.requireNonNull(fallbackPriorityFeeWei, "fallbackPriorityFeeWei");
    Objects.requireNonNull(maxFeeCapWei, "maxFeeCapWei");
    if (gasMultiplier.compareTo(BigDecimal.ONE) < 0) {
      throw new IllegalArgumentException("gas multiplier must be at least 1: " + gasMultiplier);
    }
    if (baseFeeMultiplier < 1) {
      throw new IllegalArgumentException("base fee multiplier must be at least 1");
    }
    if (fallbackPriorityFeeWei.signum() < 0) {
      throw new IllegalArgumentException("fallback priority fee must not be negative");
    }
    if (maxFeeCapWei.isPresent() && maxFeeCapWei.get().signum() <= 0) {
      throw new IllegalArgumentException("fee cap must be positive");
    }
    if (replacementBumpPercent < 10) {
      throw new IllegalArgumentException(
          "a replacement must raise fees by at least 10 %, not " + replacementBumpPercent);
    }
  }

  /** Gas ×1.2, max fee = 2 × base fee + tip, 1 gwei fallback tip, no cap, 12 % bumps. */
  public static FeePolicy defaults() {
    return new FeePolicy(new BigDecimal("1.2"), 2, Gwei.toWei(1), Optional.empty(), 12);
  }

  /**
   * {@link #defaults()} with {@value #GAS_MULTIPLIER_VARIABLE} and {@value #FEE_CAP_GWEI_VARIABLE}
   * (gwei, decimals allowed) applied where set.
   *
   * @throws IllegalArgumentException naming the variable when a value is not a valid number
   */
  public static FeePolicy fromEnvironment(Map<String, String> environment) {
    FeePolicy policy = defaults();
    String multiplier = environment.get(GAS_MULTIPLIER_VARIABLE);
    if (multiplier != null && !multiplier.isBlank()) {
      policy = policy.withGasMultiplier(number(GAS_MULTIPLIER_VARIABLE, multiplier));
    }
    String cap = environment.get(FEE_CAP_GWEI_VARIABLE);
    if (cap != null && !cap.isBlank()) {
      policy = policy.withFeeCapGwei(number(FEE_CAP_GWEI_VARIABLE, cap));
    }
    return policy;
  }

  public FeePolicy withGasMultiplier(BigDecimal multiplier) {
    return new FeePolicy(
        multiplier,
        baseFeeMultiplier,
        fallbackPriorityFeeWei,
        maxFeeCapWei,
        replacementBumpPercent);
  }

  public FeePolicy withFeeCapGwei(BigDecimal gwei) {
    return withFeeCapWei(Gwei.toWei(gwei));
  }

  public FeePolicy withFeeCapWei(BigInteger wei) {
    return new FeePolicy(
        gasMultiplier,
        baseFeeMultiplier,
        fallbackPriorityFeeWei,
        Optional.of(wei),
        replacementBumpPercent);
  }

  public FeePolicy withoutFeeCap() {
    return new FeePolicy(
        gasMultiplier,
        baseFeeMultiplier,
        fallbackPriorityFeeWei,
        Optional.empty(),
        replacementBumpPercent);
  }

  public FeePolicy withFallbackPriorityFeeWei(BigInteger wei) {
    return new FeePolicy(
        gasMultiplier, baseFeeMultiplier, wei, maxFeeCapWei, replacementBumpPercent);
  }

  public FeePolicy withReplacementBumpPercent(int percent) {
    return new FeePolicy(
        gasMultiplier, baseFeeMultiplier, fallbackPriorityFeeWei, maxFeeCapWei, percent);
  }

  private static BigDecimal number(String variable, String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(variable + " must be a number, got '" + text + "'");
    }
  }
}
