package io.enclavelottery.operator.keeper;

/** Where a {@link RoundKeeper} stands. */
public enum KeeperState {
  /** Not yet through its first look at the chain. */
  STARTING,
  /** Looks at the chain every block and sends what the round needs. */
  RUNNING,
  /** The chain answers, but something stops the keeper from acting; see its problem. */
  BLOCKED,
  /** The node cannot be reached; retrying with backoff. */
  UNREACHABLE,
  /** Closed. */
  STOPPED
}
