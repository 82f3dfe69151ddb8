package io.enclavelottery.chain.tx;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * The fee arithmetic of a {@link FeePolicy}, free of I/O: gas limits, first fees and the fees of a
 * replacement.
 */
public final class FeeCalculator {

  private static final BigInteger HUNDRED = BigInteger.valueOf(100);

  private final FeePolicy policy;

  public FeeCalculator(FeePolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  public FeePolicy policy() {
    return policy;
  }

  /** {@code estimate × gasMultiplier}, rounded up. */
  public BigInteger gasLimit(BigInteger estimate) {
    return new BigDecimal(estimate)
        .multiply(policy.gasMultiplier())
        .setScale(0, RoundingMode.CEILING)
        .toBigIntegerExact();
  }

  /**
   * Fees of a new transaction: the suggested tip (or the policy's fallback) and a max fee of {@code
   * baseFee × baseFeeMultiplier + tip}, both lowered to the cap if there is one. A capped max fee
   * below the base fee makes a transaction that waits until the base fee falls.
   */
  public Fees initial(BigInteger baseFee, Optional<BigInteger> suggestedTip) {
    Fees wanted = uncapped(baseFee, suggestedTip);
    return policy
        .maxFeeCapWei()
        .map(
            cap -> new Fees(wanted.maxFeePerGas().min(cap), wanted.maxPriorityFeePerGas().min(cap)))
        .orElse(wanted);
  }

  /**
   * Fees that replace {@code stuck}: each fee raised by at least the policy's bump percentage (and
   * at least 1 wei), or to what a new transaction would pay now if that is more; within the cap, or
   * {@link FeeBump.BlockedByCap} when the cap allows no valid replacement.
   */
  public FeeBump bump(Fees stuck, BigInteger baseFee, Optional<BigInteger> suggestedTip) {
    Fees minimum = new Fees(raise(stuck.maxFeePerGas()), raise(stuck.maxPriorityFeePerGas()));
    Fees now = uncapped(baseFee, suggestedTip);
    BigInteger tip = minimum.maxPriorityFeePerGas().max(now.maxPriorityFeePerGas());
    BigInteger maxFee = minimum.maxFeePerGas().max(now.maxFeePerGas()).max(tip);
    Optional<BigInteger> cap = policy.maxFeeCapWei();
    if (cap.isPresent()) {
      if (minimum.maxFeePerGas().compareTo(cap.get()) > 0) {
        return new FeeBump.BlockedByCap(minimum, cap.get());
      }
      maxFee = maxFee.min(cap.get());
      tip = tip.min(maxFee);
    }
    return new FeeBump.Bumped(new Fees(maxFee, tip));
  }

  private Fees uncapped(BigInteger baseFee, Optional<BigInteger> suggestedTip) {
    Objects.requireNonNull(baseFee, "baseFee");
    BigInteger tip = suggestedTip.orElse(policy.fallbackPriorityFeeWei());
    BigInteger maxFee = baseFee.multiply(BigInteger.valueOf(policy.baseFeeMultiplier())).add(tip);
    return new Fees(maxFee, tip);
  }

  private BigInteger raise(BigInteger fee) {
    BigInteger percent = BigInteger.valueOf(100L + policy.replacementBumpPercent());
    BigInteger[] quotient = fee.multiply(percent).divideAndRemainder(HUNDRED);
    BigInteger roundedUp =
        quotient[1].signum() == 0 ? quotient[0] : quotient[0].add(BigInteger.ONE);
    return roundedUp.max(fee.add(BigInteger.ONE));
  }
}
