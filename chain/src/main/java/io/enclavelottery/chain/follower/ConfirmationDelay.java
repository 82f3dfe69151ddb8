package io.enclavelottery.chain.follower;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Holds one follow's deliveries back until they are {@code extraBlocks} deeper than its {@link
 * ChainFollower} delivers them, so that a consumer wanting more confirmations than the follower
 * gives can share it rather than open a second follower (and a second {@code eth_getLogs} per
 * block): {@code lottery run}'s feed on the keeper's follower, which delivers at the head.
 *
 * <p>Give it to the follower twice: as the follow's {@link LogConsumer} and as a {@link
 * HeadListener} (it learns the head from there). What it passes on keeps the follower's delivery
 * contract: ranges in block order without gaps, and a {@link FollowerEvent.Retracted} only for logs
 * it had passed on; a reorganisation of blocks it still holds costs the consumer nothing. Runs on
 * the follower's thread, like any consumer.
 */
public final class ConfirmationDelay implements LogConsumer, HeadListener {

  private final int extraBlocks;
  private final LogConsumer consumer;
  private final List<ChainLog> held = new ArrayList<>(); // in chain order
  private long latestHead = -1;
  private long receivedThrough = -1;
  private long passedThrough = -1;
  private boolean started;

  /**
   * @param extraBlocks how many blocks deeper than the follower's own depth a range must be
   * @param consumer who receives the delayed deliveries
   */
  public ConfirmationDelay(int extraBlocks, LogConsumer consumer) {
    if (extraBlocks < 0) {
      throw new IllegalArgumentException("extraBlocks must not be negative");
    }
    this.extraBlocks = extraBlocks;
    this.consumer = Objects.requireNonNull(consumer, "consumer");
  }

  @Override
  public void onHead(BlockHeader head) {
    // heads come before the step's deliveries, which pass on what became deep enough
    latestHead = head.number();
  }

  @Override
  public void accept(FollowerEvent event) {
    if (event instanceof FollowerEvent.Logs logs) {
      received(logs);
    } else if (event instanceof FollowerEvent.Retracted retracted) {
      retract(retracted);
    }
  }

  private void received(FollowerEvent.Logs logs) {
    if (!started) {
      started = true;
      passedThrough = logs.fromBlock() - 1;
    }
    held.addAll(logs.logs());
    receivedThrough = logs.toBlock();
    long through = Math.min(receivedThrough, latestHead - extraBlocks);
    if (through <= passedThrough) {
      return;
    }
    List<ChainLog> due = held.stream().filter(log -> log.blockNumber() <= through).toList();
    held.subList(0, due.size()).clear();
    long from = passedThrough + 1;
    passedThrough = through;
    consumer.accept(new FollowerEvent.Logs(from, through, due));
  }

  private void retract(FollowerEvent.Retracted retracted) {
    long fork = retracted.forkBlock();
    held.removeIf(log -> log.blockNumber() > fork);
    receivedThrough = Math.min(receivedThrough, fork);
    if (passedThrough > fork) {
      long passed = passedThrough;
      List<ChainLog> passedOn =
          retracted.logs().stream().filter(log -> log.blockNumber() <= passed).toList();
      passedThrough = fork;
      consumer.accept(new FollowerEvent.Retracted(fork, passedOn));
    }
  }
}
