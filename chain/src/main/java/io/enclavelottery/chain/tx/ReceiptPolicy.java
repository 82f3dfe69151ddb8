package io.enclavelottery.chain.tx;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the sender waits for a receipt and when it replaces a stuck transaction.
 *
 * @param pollInterval the longest pause between two receipt checks (a new-block signal cuts it
 *     short, see {@link NewBlockSignal})
 * @param replaceAfter a transaction without a receipt this long after its last send is stuck and
 *     replaced with higher fees
 * @param giveUpAfter after this long since the first send the sender stops waiting and reports the
 *     transaction as still pending
 * @param maxReplacements the most replacements of one transaction
 */
public record ReceiptPolicy(
    Duration pollInterval, Duration replaceAfter, Duration giveUpAfter, int maxReplacements) {

  public ReceiptPolicy {
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(replaceAfter, "replaceAfter");
    Objects.requireNonNull(giveUpAfter, "giveUpAfter");
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive");
    }
    if (replaceAfter.compareTo(pollInterval) < 0) {
      throw new IllegalArgumentException("replaceAfter must be at least the poll interval");
    }
    if (giveUpAfter.compareTo(replaceAfter) < 0) {
      throw new IllegalArgumentException("giveUpAfter must be at least replaceAfter");
    }
    if (maxReplacements < 0) {
      throw new IllegalArgumentException("maxReplacements must not be negative");
    }
  }

  /** Poll every second, replace after 45 s (about four mainnet blocks), give up after 10 min. */
  public static ReceiptPolicy defaults() {
    return new ReceiptPolicy(
        Duration.ofSeconds(1), Duration.ofSeconds(45), Duration.ofMinutes(10), 5);
  }

  public ReceiptPolicy withPollInterval(Duration interval) {
    return new ReceiptPolicy(interval, replaceAfter, giveUpAfter, maxReplacements);
  }

  public ReceiptPolicy withReplaceAfter(Duration after) {
    return new ReceiptPolicy(pollInterval, after, giveUpAfter, maxReplacements);
  }

  public ReceiptPolicy withGiveUpAfter(Duration after) {
    return new ReceiptPolicy(pollInterval, replaceAfter, after, maxReplacements);
  }

  public ReceiptPolicy withMaxReplacements(int replacements) {
    return new ReceiptPolicy(pollInterval, replaceAfter, giveUpAfter, replacements);
  }
}
