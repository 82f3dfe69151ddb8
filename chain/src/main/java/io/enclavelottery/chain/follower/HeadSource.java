package io.enclavelottery.chain.follower;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Tells the follower when the node may have a new head: by a timer only ({@link PollingHeadSource})
 * or by the node's own announcements ({@link SubscriptionHeadSource}). It only wakes the follower;
 * the follower then reads the head itself, so a duplicated, reordered or lost announcement changes
 * nothing but latency.
 */
public interface HeadSource extends AutoCloseable {

  /**
   * Starts announcing. {@code newHead} and {@code lost} may be called from any thread; {@code lost}
   * means announcements have stopped (the connection dropped) and the follower should reconnect.
   */
  void start(Runnable newHead, Consumer<Throwable> lost);

  /** How long the follower waits without an announcement before it looks at the head itself. */
  Duration pollInterval();

  /** Stops announcing. */
  @Override
  void close();
}
