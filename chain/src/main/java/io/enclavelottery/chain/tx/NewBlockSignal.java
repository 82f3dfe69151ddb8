package io.enclavelottery.chain.tx;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BlockWait} the chain follower wakes with {@link #newBlock()}, so receipts are checked as
 * soon as a block arrives rather than at the next poll.
 */
public final class NewBlockSignal implements BlockWait {

  private final Object monitor = new Object();
  private long blocksSeen;

  /** Called for every new head; wakes every waiting sender. */
  public void newBlock() {
    synchronized (monitor) {
      blocksSeen++;
      monitor.notifyAll();
    }
  }

  @Override
  public void awaitNextBlock(Duration atMost) throws InterruptedException {
    long deadline = System.nanoTime() + atMost.toNanos();
    synchronized (monitor) {
      long seen = blocksSeen;
      while (blocksSeen == seen) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return;
        }
        TimeUnit.NANOSECONDS.timedWait(monitor, left);
      }
    }
  }
}
