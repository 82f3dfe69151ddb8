package io.enclavelottery.operator.keeper;

/**
 * Told what a {@link RoundKeeper} did and how it stands: the Kubernetes reconciler turns these into
 * Events and status, standalone mode into logs and its health answer. Called on the keeper's
 * thread; an exception is logged and otherwise ignored.
 */
public interface KeeperListener {

  /** Something happened on chain because of the keeper, or failed to. */
  default void onEvent(KeeperEvent event) {}

  /** The keeper's status changed (it is not called when nothing changed). */
  default void onStatus(KeeperStatus status) {}

  /** A listener that ignores everything. */
  static KeeperListener none() {
    return new KeeperListener() {};
  }
}
