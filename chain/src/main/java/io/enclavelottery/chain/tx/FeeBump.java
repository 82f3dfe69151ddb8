package io.enclavelottery.chain.tx;

import java.math.BigInteger;

/** What {@link FeeCalculator#bump} decided for a stuck transaction. */
public sealed interface FeeBump {

  /** Replace with these fees; both are at least the policy's bump above the stuck ones. */
  record Bumped(Fees fees) implements FeeBump {}

  /**
   * The fee cap leaves no room for a valid replacement.
   *
   * @param minimum the smallest fees a node would accept as a replacement
   * @param capWei the configured cap per gas
   */
  record BlockedByCap(Fees minimum, BigInteger capWei) implements FeeBump {

    /** A sentence for logs and results. */
    public String describe() {
      return "the fee cap of "
          + Gwei.format(capWei)
          + " leaves no room for a replacement, which needs at least "
          + minimum
          + "; raise "
          + FeePolicy.FEE_CAP_GWEI_VARIABLE
          + " or wait for the base fee to fall";
    }
  }
}
