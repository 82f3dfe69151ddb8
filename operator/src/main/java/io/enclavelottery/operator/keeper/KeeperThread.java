package io.enclavelottery.operator.keeper;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A keeper's one thread: runs its look when woken (wake-ups that come while one is queued count
 * once), and again after the wait each look returns; while a hold-off runs (a retry delay),
 * wake-ups are ignored and only the scheduled look comes.
 */
final class KeeperThread {

  private static final Logger LOG = LoggerFactory.getLogger(KeeperThread.class);

  private final Supplier<Duration> look;
  private final ScheduledExecutorService executor;
  private final AtomicBoolean queued = new AtomicBoolean();
  private volatile Instant holdOffUntil = Instant.MIN;
  private volatile boolean closed;
  private ScheduledFuture<?> next; // on the thread only

  /**
   * @param name the thread's name
   * @param look one look at the chain; returns how long to wait before the next
   */
  KeeperThread(String name, Supplier<Duration> look) {
    this.look = look;
    this.executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, name);
              thread.setDaemon(true);
              return thread;
            });
  }

  /** Runs a look as soon as the thread is free, unless one is queued or a hold-off runs. */
  void wake() {
    if (closed || Instant.now().isBefore(holdOffUntil) || !queued.compareAndSet(false, true)) {
      return;
    }
    try {
      executor.execute(this::run);
    } catch (RejectedExecutionException stopped) {
      queued.set(false);
    }
  }

  /** Ignores wake-ups for {@code wait}; the look scheduled after it still comes. */
  void holdOff(Duration wait) {
    holdOffUntil = Instant.now().plus(wait);
  }

  void endHoldOff() {
    holdOffUntil = Instant.MIN;
  }

  /** Stops; a look in progress is interrupted. */
  void close() {
    closed = true;
    executor.shutdownNow();
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        LOG.warn("{} did not stop within 10 s", this);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run() {
    queued.set(false);
    if (closed) {
      return;
    }
    Duration wait = look.get();
    if (closed) {
      return;
    }
    if (next != null) {
      next.cancel(false);
    }
    try {
      next = executor.schedule(this::run, wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException stopped) {
      // closed meanwhile
    }
  }
}
