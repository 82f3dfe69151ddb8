package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.Ether;
import io.enclavelottery.chain.contract.LotterySettings;
import java.math.BigInteger;
import java.util.Objects;

/**
 * Whether the operator's bond lets a round reach {@code minParticipants} bets of {@code
 * minBetAmount}: the pot cap ({@code maxPot}) must hold that much. Without a reveal penalty there
 * is no cap and any bond will do. The controller's {@code BondSufficient} condition and its metric
 * read the same answer as the decision.
 *
 * @param sufficient whether a round can reach its minimum
 * @param smallestViablePot {@code minBetAmount * minParticipants}
 * @param maxPot the pot cap the bond allows
 */
public record BondCoverage(boolean sufficient, BigInteger smallestViablePot, BigInteger maxPot) {

  public BondCoverage {
    Objects.requireNonNull(smallestViablePot, "smallestViablePot");
    Objects.requireNonNull(maxPot, "maxPot");
  }

  /** The coverage under the contract's current settings and bond. */
  public static BondCoverage of(LotterySettings settings) {
    BigInteger smallest =
        settings.minBetAmount().multiply(BigInteger.valueOf(settings.minParticipants()));
    boolean sufficient =
        settings.revealPenaltyBps() == 0 || settings.maxPot().compareTo(smallest) >= 0;
    return new BondCoverage(sufficient, smallest, settings.maxPot());
  }

  /** For status and the reason of a plan that does not start a round. */
  public String describe() {
    return sufficient
        ? "the bond covers a pot of " + Ether.text(maxPot)
        : "bond too small: it covers a pot of "
            + Ether.text(maxPot)
            + ", a round needs at least "
            + Ether.text(smallestViablePot)
            + " (minBetAmount times minParticipants)";
  }
}
