package io.enclavelottery.operator.decision;

import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * The decision's sense of time: {@code now} (the latest head), when a transaction sent now lands
 * (the next block), and when to look again.
 */
final class Timeline {

  private final Instant now;
  private final DecisionTiming timing;

  Timeline(Instant now, DecisionTiming timing) {
    this.now = now;
    this.timing = timing;
  }

  Instant now() {
    return now;
  }

  /**
   * The block timestamp a transaction sent now executes at: one block later, in the whole seconds
   * the contract counts in.
   */
  Instant landsAt() {
    Instant next = now.plus(timing.blockTime());
    return next.getNano() == 0 ? next : Instant.ofEpochSecond(next.getEpochSecond() + 1);
  }

  /** Whether {@code moment} has come (at or before now). */
  boolean reached(Instant moment) {
    return !now.isBefore(moment);
  }

  /** Send {@code action} now; look again when its transaction should have landed. */
  Choice act(Action action, String reason) {
    return new Choice(action, reason, now.plus(timing.blockTime()));
  }

  /**
   * Send nothing; look again at the earliest of {@code deadlines} that is still ahead, and no later
   * than one recheck interval from now.
   */
  Choice idle(String reason, Instant... deadlines) {
    Instant latest = now.plus(timing.recheckInterval());
    Instant recheckAt =
        Arrays.stream(deadlines)
            .filter(Objects::nonNull)
            .filter(now::isBefore)
            .filter(latest::isAfter)
            .min(Comparator.naturalOrder())
            .orElse(latest);
    return new Choice(new Action.None(), reason, recheckAt);
  }
}
