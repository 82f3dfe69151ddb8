package io.enclavelottery.frontend.view;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lottery as rebuilt from the contract's events: the latest {@link ViewSnapshot} for readers on
 * any thread (a volatile read, never a chain call) and change notifications for the live feed.
 *
 * <p>One writer (the {@link ViewUpdater} on the chain follower's thread) publishes each update as a
 * new snapshot and then the list of {@link ViewChange}s it made; readers never see a part-applied
 * update. A listener added with {@link #subscribe} hears every change published after it was added:
 * to start a client, subscribe first, then send {@link #snapshot()}, and drop changes whose block
 * is not newer than the snapshot's if duplicates matter.
 */
public final class LotteryView {

  private static final Logger LOG = LoggerFactory.getLogger(LotteryView.class);

  private final List<ViewListener> listeners = new CopyOnWriteArrayList<>();
  private volatile ViewSnapshot current;

  /** An empty view of {@code contract} on {@code chainId}, not ready. */
  public LotteryView(long chainId, String contract) {
    this.current = ViewSnapshot.empty(chainId, Objects.requireNonNull(contract, "contract"));
  }

  /** The latest snapshot: immutable, consistent, cheap (a volatile read). */
  public ViewSnapshot snapshot() {
    return current;
  }

  /** Whether the first backfill is complete. */
  public boolean isReady() {
    return current.sync().ready();
  }

  /**
   * Adds a listener for every change published from now on; see {@link ViewListener} for the thread
   * it runs on.
   */
  public ViewSubscription subscribe(ViewListener listener) {
    Objects.requireNonNull(listener, "listener");
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** How many listeners are subscribed. */
  public int listenerCount() {
    return listeners.size();
  }

  /**
   * Replaces the snapshot, then tells each listener of each change, in order. Called by the one
   * writer (the {@link ViewUpdater}); public so that tests of the feed can drive a view without a
   * chain.
   */
  public void publish(ViewSnapshot next, List<ViewChange> changes) {
    current = Objects.requireNonNull(next, "next");
    for (ViewChange change : changes) {
      for (ViewListener listener : listeners) {
        try {
          listener.onChange(change);
        } catch (RuntimeException e) {
          LOG.warn("a view listener failed on {}", change.getClass().getSimpleName(), e);
        }
      }
    }
  }

  /** Replaces the sync status alone (block progress), without telling listeners. */
  public void updateSync(SyncStatus sync) {
    current = current.withSync(sync);
  }
}
