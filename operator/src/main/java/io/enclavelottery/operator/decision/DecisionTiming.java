package io.enclavelottery.operator.decision;

import java.time.Duration;
import java.util.Objects;

/**
 * The timing knobs of the decision. A transaction sent right after a head with timestamp {@code
 * now} is taken to execute at {@code now + blockTime} (the next block); every plan is checked
 * against the contract's rules at that moment.
 *
 * @param blockTime the chain's block interval
 * @param drawLead how long before {@code minDrawTime} the draw is sent, so that it lands in the
 *     first block of the draw window; at most one block time, since a draw that lands earlier
 *     reverts
 * @param extendWithin how close to {@code endTime} a round short of players is extended; longer
 *     than one block time, since an extension must land by {@code endTime}
 * @param extensionLength how much an extension adds to {@code endTime} (raised to the contract's
 *     {@code minEndTimeExtension} from the moment it lands, cut to the remaining cap)
 * @param pendingTimeout a pending transaction without an outcome this long after it was sent (chain
 *     time) is stale: the decision then decides afresh from the chain
 * @param recheckInterval the longest the controller sleeps: the chain is re-read at least this
 *     often, which catches what no contract event announces (the operator's account funded, a
 *     signer back)
 */
public record DecisionTiming(
    Duration blockTime,
    Duration drawLead,
    Duration extendWithin,
    Duration extensionLength,
    Duration pendingTimeout,
    Duration recheckInterval) {

  public DecisionTiming {
    requirePositive(blockTime, "blockTime");
    Objects.requireNonNull(drawLead, "drawLead");
    if (drawLead.isNegative() || drawLead.compareTo(blockTime) > 0) {
      throw new IllegalArgumentException(
          "drawLead must be within [0, blockTime = " + blockTime + "], got " + drawLead);
    }
    requirePositive(extendWithin, "extendWithin");
    if (extendWithin.compareTo(blockTime) <= 0) {
      throw new IllegalArgumentException(
          "extendWithin must be longer than blockTime = " + blockTime + ", got " + extendWithin);
    }
    requirePositive(extensionLength, "extensionLength");
    requirePositive(pendingTimeout, "pendingTimeout");
    requirePositive(recheckInterval, "recheckInterval");
  }

  /**
   * Defaults for a chain with the given block time: draw lead one block; extend within the last 30
   * s (at least three blocks); extensions of 2 minutes; a pending transaction stale after 10
   * minutes (when the sender gives up waiting); re-read the chain at least every 60 s.
   */
  public static DecisionTiming forBlockTime(Duration blockTime) {
    requirePositive(blockTime, "blockTime");
    Duration threeBlocks = blockTime.multipliedBy(3);
    Duration thirtySeconds = Duration.ofSeconds(30);
    return new DecisionTiming(
        blockTime,
        blockTime,
        threeBlocks.compareTo(thirtySeconds) > 0 ? threeBlocks : thirtySeconds,
        Duration.ofMinutes(2),
        Duration.ofMinutes(10),
        Duration.ofSeconds(60));
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }
}
