package io.enclavelottery.chain.follower;

/** Where a {@link ChainFollower} stands. */
public enum FollowerState {
  /** Started, but has not yet reached the node. */
  STARTING,
  /** Reaches the node and is delivering a backlog (backfill, or after an outage). */
  CATCHING_UP,
  /** Every follow has received everything up to the confirmed head. */
  FOLLOWING,
  /** The node cannot be reached or answers with errors; retrying with backoff. */
  DISCONNECTED,
  /** Closed. */
  STOPPED
}
