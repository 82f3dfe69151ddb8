package io.enclavelottery.chain.follower;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The follower's one thread: runs tasks in order, and its step whenever asked, now or after a wait.
 * Requests for a step that is already queued are merged, so a burst of head announcements costs one
 * step.
 */
final class FollowerThread {

  private static final AtomicInteger COUNT = new AtomicInteger();

  private final Runnable step;
  private final ScheduledThreadPoolExecutor executor;
  private final AtomicBoolean stepQueued = new AtomicBoolean();
  private volatile Thread thread;
  private volatile boolean stopped;
  private ScheduledFuture<?> timer;

  FollowerThread(Runnable step) {
    this.step = step;
    this.executor =
        new ScheduledThreadPoolExecutor(
            1,
            runnable -> {
              Thread created = new Thread(runnable, "chain-follower-" + COUNT.incrementAndGet());
              created.setDaemon(true);
              thread = created;
              return created;
            });
    // a pending poll timer must not keep a stopped follower's thread alive
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    executor.setRemoveOnCancelPolicy(true);
  }

  /** Runs {@code task} on the thread, after what is queued; nothing once stopped. */
  void execute(Runnable task) {
    if (stopped) {
      return;
    }
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // stopped meanwhile
    }
  }

  /** Asks for a step as soon as the thread is free; callable from any thread. */
  void requestStep() {
    if (!stopped && stepQueued.compareAndSet(false, true)) {
      execute(this::runStep);
    }
  }

  /** Asks for a step after {@code wait}, replacing the previous timer; on the thread only. */
  void requestStepAfter(Duration wait) {
    if (stopped) {
      return;
    }
    if (wait.isZero()) {
      requestStep();
      return;
    }
    try {
      timer = executor.schedule(this::requestStep, wait.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // stopped meanwhile
    }
  }

  boolean isCurrent() {
    return Thread.currentThread() == thread;
  }

  boolean isStopped() {
    return stopped;
  }

  /**
   * Stops after running {@code last}, waiting up to {@code grace} for a step in progress (not when
   * called from the thread itself); past that, interrupts it and runs {@code last} here.
   */
  void stop(Runnable last, Duration grace) {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      executor.execute(last);
    } catch (RejectedExecutionException e) {
      // already shut down
    }
    executor.shutdown();
    if (isCurrent()) {
      return;
    }
    try {
      if (!executor.awaitTermination(grace.toNanos(), TimeUnit.NANOSECONDS)) {
        executor.shutdownNow();
        last.run();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }

  private void runStep() {
    stepQueued.set(false);
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
    if (!stopped) {
      step.run();
    }
  }
}
