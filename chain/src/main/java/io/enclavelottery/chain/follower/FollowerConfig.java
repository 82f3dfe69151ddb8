package io.enclavelottery.chain.follower;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link ChainFollower} follows its chain.
 *
 * @param confirmations how deep a block must be before its logs are delivered: 0 delivers at the
 *     head, {@code n} once {@code n} blocks are built on top of it
 * @param pollInterval how often the head is polled over HTTP (the seed system's {@code
 *     EVENTMGR_POLL_INTERVAL_SECONDS})
 * @param subscriptionSafetyPoll over WebSocket, how long the follower waits without a newHeads
 *     notification before looking itself (a missed notification or a reorg the node did not
 *     announce is caught this late at worst)
 * @param reorgWindow how many recent blocks are remembered to detect forks; a reorganisation deeper
 *     than this cannot be retracted. Must exceed {@code confirmations}
 * @param chunkBlocks the largest block range of one log query; halved while the node refuses a
 *     range, grown back after full chunks succeed
 * @param reconnectInitialDelay the first wait after a failure; doubled per failure, with jitter
 * @param reconnectMaxDelay the longest wait between attempts
 * @param stepBudget how long the follower works through a backlog before it lets other tasks (new
 *     follows, closes) run; it carries on right after
 */
public record FollowerConfig(
    int confirmations,
    Duration pollInterval,
    Duration subscriptionSafetyPoll,
    int reorgWindow,
    int chunkBlocks,
    Duration reconnectInitialDelay,
    Duration reconnectMaxDelay,
    Duration stepBudget) {

  public FollowerConfig {
    if (confirmations < 0) {
      throw new IllegalArgumentException("confirmations must not be negative");
    }
    if (reorgWindow <= confirmations || reorgWindow < 2) {
      throw new IllegalArgumentException(
          "reorgWindow must be at least 2 and larger than confirmations");
    }
    if (chunkBlocks < 1) {
      throw new IllegalArgumentException("chunkBlocks must be positive");
    }
    positive(pollInterval, "pollInterval");
    positive(subscriptionSafetyPoll, "subscriptionSafetyPoll");
    positive(reconnectInitialDelay, "reconnectInitialDelay");
    positive(reconnectMaxDelay, "reconnectMaxDelay");
    positive(stepBudget, "stepBudget");
    if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
      throw new IllegalArgumentException(
          "reconnectMaxDelay must not be below reconnectInitialDelay");
    }
  }

  /**
   * No confirmations, 2 s polling, 30 s safety poll, 128 remembered blocks, 2,000-block chunks,
   * reconnect after 0.5 s doubling up to 30 s, 250 ms per backlog step.
   */
  public static FollowerConfig defaults() {
    return new FollowerConfig(
        0,
        Duration.ofSeconds(2),
        Duration.ofSeconds(30),
        128,
        2_000,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofMillis(250));
  }

  public FollowerConfig withConfirmations(int blocks) {
    return new FollowerConfig(
        blocks,
        pollInterval,
        subscriptionSafetyPoll,
        Math.max(reorgWindow, blocks + 1),
        chunkBlocks,
        reconnectInitialDelay,
        reconnectMaxDelay,
        stepBudget);
  }

  public FollowerConfig withPollInterval(Duration interval) {
    return new FollowerConfig(
        confirmations,
        interval,
        subscriptionSafetyPoll,
        reorgWindow,
        chunkBlocks,
        reconnectInitialDelay,
        reconnectMaxDelay,
        stepBudget);
  }

  public FollowerConfig withSubscriptionSafetyPoll(Duration interval) {
    return new FollowerConfig(
        confirmations,
        pollInterval,
        interval,
        reorgWindow,
        chunkBlocks,
        reconnectInitialDelay,
        reconnectMaxDelay,
        stepBudget);
  }

  public FollowerConfig withReorgWindow(int blocks) {
    return new FollowerConfig(
        confirmations,
        pollInterval,
        subscriptionSafetyPoll,
        blocks,
        chunkBlocks,
        reconnectInitialDelay,
        reconnectMaxDelay,
        stepBudget);
  }

  public FollowerConfig withChunkBlocks(int blocks) {
    return new FollowerConfig(
        confirmations,
        pollInterval,
        subscriptionSafetyPoll,
        reorgWindow,
        blocks,
        reconnectInitialDelay,
        reconnectMaxDelay,
        stepBudget);
  }

  public FollowerConfig withReconnectDelays(Duration initial, Duration max) {
    return new FollowerConfig(
        confirmations,
        pollInterval,
        subscriptionSafetyPoll,
        reorgWindow,
        chunkBlocks,
        initial,
        max,
        stepBudget);
  }

  private static void positive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
  }
}
