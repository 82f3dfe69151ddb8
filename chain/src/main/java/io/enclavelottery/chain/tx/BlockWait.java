package io.enclavelottery.chain.tx;

import java.time.Duration;

/**
 * How the sender pauses between receipt checks: until a new block arrives or {@code atMost} has
 * passed, whichever is first. {@link #fixedInterval()} just waits; {@link NewBlockSignal} is woken
 * by the chain follower.
 */
@FunctionalInterface
public interface BlockWait {

  void awaitNextBlock(Duration atMost) throws InterruptedException;

  /** Waits the whole {@code atMost} each time (plain polling). */
  static BlockWait fixedInterval() {
    return atMost -> Thread.sleep(atMost.toMillis());
  }
}
