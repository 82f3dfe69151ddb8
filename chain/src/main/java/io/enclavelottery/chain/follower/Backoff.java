package io.enclavelottery.chain.follower;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Waits between reconnection attempts: doubling from {@code initial} up to {@code max}, each wait
 * drawn from the upper half of its step so that many followers of one node do not retry in step.
 */
final class Backoff {

  private final Duration initial;
  private final Duration max;
  private final RandomGenerator random;
  private int failures;

  Backoff(Duration initial, Duration max, RandomGenerator random) {
    this.initial = initial;
    this.max = max;
    this.random = random;
  }

  /** The wait before the next attempt, counting one more failure. */
  Duration next() {
    long ceiling = initial.toNanos() << Math.min(failures, 30);
    if (ceiling <= 0 || ceiling > max.toNanos()) {
      ceiling = max.toNanos();
    }
    failures++;
    long half = ceiling / 2;
    return Duration.ofNanos(half + (long) (random.nextDouble() * (ceiling - half)));
  }

  /** Failures since the last success. */
  int failures() {
    return failures;
  }

  void reset() {
    failures = 0;
  }
}
