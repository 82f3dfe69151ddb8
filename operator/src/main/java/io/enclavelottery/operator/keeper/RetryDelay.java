package io.enclavelottery.operator.keeper;

import java.time.Duration;

/** Waits between attempts that failed: doubling from an initial delay up to a maximum. */
final class RetryDelay {

  private final Duration initial;
  private final Duration max;
  private int failures;

  RetryDelay(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
  }

  /** The wait before the next attempt, counting one more failure. */
  Duration next() {
    Duration delay = initial.multipliedBy(1L << Math.min(failures, 20));
    failures++;
    return delay.compareTo(max) > 0 ? max : delay;
  }

  void reset() {
    failures = 0;
  }
}
