package io.enclavelottery.chain.follower;

import java.time.Duration;
import java.util.function.Consumer;

/** A head source the test drives: it announces heads and loses the connection on command. */
final class ManualHeadSource implements HeadSource {

  private final Duration pollInterval;
  private volatile Runnable newHead = () -> {};
  private volatile Consumer<Throwable> lost = failure -> {};
  private volatile boolean closed;

  ManualHeadSource(Duration pollInterval) {
    this.pollInterval = pollInterval;
  }

  @Override
  public void start(Runnable onNewHead, Consumer<Throwable> onLost) {
    newHead = onNewHead;
    lost = onLost;
  }

  void announce() {
    newHead.run();
  }

  void lose(Throwable failure) {
    lost.accept(failure);
  }

  boolean isClosed() {
    return closed;
  }

  @Override
  public Duration pollInterval() {
    return pollInterval;
  }

  @Override
  public void close() {
    closed = true;
  }
}
