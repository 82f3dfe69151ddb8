package io.enclavelottery.chain.follower;

import java.util.List;

/**
 * What a {@link LogConsumer} receives for the contract it follows: logs that reached the follower's
 * confirmation depth, or logs it delivered earlier that a chain reorganisation has removed.
 *
 * <p>Applied in order, the events give exactly the canonical chain's logs: every log that ends up
 * canonical is delivered once net (a retraction followed by the same log again is consistent), and
 * no log is delivered twice without a retraction in between.
 */
public sealed interface FollowerEvent {

  /**
   * The contract's logs in blocks {@code fromBlock..toBlock} (inclusive), in chain order; empty
   * when the range holds none. Sent for every range the follower completes, so a consumer always
   * knows how far it has been brought.
   */
  record Logs(long fromBlock, long toBlock, List<ChainLog> logs) implements FollowerEvent {
    public Logs {
      logs = List.copyOf(logs);
    }
  }

  /**
   * Logs delivered earlier from blocks after {@code forkBlock} that are no longer on the canonical
   * chain, newest first (the order to undo them in); possibly empty. The consumer is now at {@code
   * forkBlock}: the next {@link Logs} starts at {@code forkBlock + 1}.
   */
  record Retracted(long forkBlock, List<ChainLog> logs) implements FollowerEvent {
    public Retracted {
      logs = List.copyOf(logs);
    }
  }
}
