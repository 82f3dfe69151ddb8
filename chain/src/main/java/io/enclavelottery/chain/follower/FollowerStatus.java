package io.enclavelottery.chain.follower;

import java.util.Optional;

/**
 * A snapshot of a {@link ChainFollower}'s progress.
 *
 * @param state where the follower stands
 * @param latestHead the newest block seen on the chain, -1 before the first
 * @param lastDeliveredBlock the block through which every follow has received its logs (the
 *     confirmed head when nothing is followed), -1 before the first
 * @param lastError the last failure in words, kept after recovery; empty if there was none
 * @param followedContracts how many follows are active
 * @param consumerFailures how many times a consumer threw, over all follows
 */
public record FollowerStatus(
    FollowerState state,
    long latestHead,
    long lastDeliveredBlock,
    Optional<String> lastError,
    int followedContracts,
    long consumerFailures) {

  static FollowerStatus starting() {
    return new FollowerStatus(FollowerState.STARTING, -1, -1, Optional.empty(), 0, 0);
  }

  /**
   * How many blocks the deliveries trail the head; at least the confirmation depth while following.
   */
  public long lagBlocks() {
    return latestHead < 0 ? 0 : Math.max(0, latestHead - lastDeliveredBlock);
  }
}
