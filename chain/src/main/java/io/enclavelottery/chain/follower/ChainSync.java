package io.enclavelottery.chain.follower;

import io.enclavelottery.chain.RpcException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every follow up to the confirmed head, one step at a time: reads the node's head, follows
 * it (retracting what a reorganisation removed), then delivers one log range to the follows at the
 * front and one backfill range to those behind. Not thread-safe: the follower's thread drives it.
 *
 * <p>The follows that share the most advanced position get one {@code eth_getLogs} for all their
 * addresses; a follow added later with an older start block is backfilled by a second query until
 * it reaches them, then joins that one query.
 */
final class ChainSync {

  private static final Logger LOG = LoggerFactory.getLogger(ChainSync.class);

  /** Steps in a row whose answers did not fit together before the node is reported as failing. */
  private static final int MAX_INCONSISTENT_STEPS = 8;

  private final int confirmations;
  private final BlockWindow window;
  private final LogRangeFetcher fetcher;
  private final HeadListener headListener;
  private final Map<Long, FollowedContract> follows = new LinkedHashMap<>();
  private int inconsistentSteps;

  ChainSync(FollowerConfig config, HeadListener headListener) {
    this.confirmations = config.confirmations();
    this.window = new BlockWindow(config.reorgWindow());
    this.fetcher = new LogRangeFetcher(config.chunkBlocks());
    this.headListener = headListener;
  }

  void add(FollowedContract follow) {
    follows.put(follow.id(), follow);
  }

  void remove(FollowedContract follow) {
    follows.remove(follow.id());
    window.forget(follow.id());
  }

  int followCount() {
    return follows.size();
  }

  long latestHead() {
    return window.tip().map(BlockHeader::number).orElse(-1L);
  }

  long confirmedHead() {
    return window.isEmpty() ? -1 : Math.max(-1, window.highest() - confirmations);
  }

  /** The block through which every follow has its logs; the confirmed head when none lags. */
  long lastDelivered() {
    long confirmed = confirmedHead();
    return follows.values().stream()
        .filter(FollowedContract::isStartResolved)
        .mapToLong(follow -> Math.min(confirmed, follow.deliveredThrough()))
        .min()
        .orElse(confirmed);
  }

  long consumerFailures() {
    return follows.values().stream().mapToLong(FollowedContract::consumerFailures).sum();
  }

  int chunkBlocks() {
    return fetcher.chunkBlocks();
  }

  /**
   * One step.
   *
   * @return whether more work is ready right away (a backlog, or a step dropped because the chain
   *     moved under it)
   * @throws RpcException when the node fails
   */
  boolean step(ChainRpc rpc) {
    BlockHeader latest = rpc.latestHeader();
    try {
      followHead(rpc, latest);
      resolveStarts();
      boolean more = deliverDue(rpc);
      inconsistentSteps = 0;
      return more;
    } catch (ChainMovedException e) {
      LOG.debug("chain moved during a step, trying again: {}", e.getMessage());
      if (++inconsistentSteps >= MAX_INCONSISTENT_STEPS) {
        inconsistentSteps = 0;
        throw new RpcException("the node's blocks and logs keep disagreeing: " + e.getMessage());
      }
      return true;
    }
  }

  private void followHead(ChainRpc rpc, BlockHeader latest) {
    BlockHeader before = window.tip().orElse(null);
    ForkDetector.Outcome outcome = ForkDetector.compare(rpc, window, latest);
    outcome.forkBlock().ifPresent(fork -> rewind(fork, outcome.beyondWindow()));
    window.extend(outcome.newBlocks());
    BlockHeader tip = window.tip().orElseThrow();
    if (!tip.equals(before)) {
      try {
        headListener.onHead(tip);
      } catch (RuntimeException e) {
        LOG.warn("a head listener failed on block {}; the follower carries on", tip.number(), e);
      }
    }
  }

  /** Retracts what every follow received after {@code fork} and moves it back there. */
  private void rewind(long fork, boolean beyondWindow) {
    if (beyondWindow) {
      LOG.warn(
          "the chain reorganised below the oldest block the follower remembers ({}): logs"
              + " delivered before it are not retracted",
          window.lowest());
    } else {
      LOG.info("chain reorganisation: blocks {}..{} replaced", fork + 1, window.highest());
    }
    for (FollowedContract follow : follows.values()) {
      if (follow.isStartResolved() && follow.nextBlock() > fork + 1) {
        List<ChainLog> retracted = window.deliveredAfter(fork, follow.id());
        follow.moveTo(fork + 1);
        follow.deliver(new FollowerEvent.Retracted(fork, retracted));
      }
    }
    window.truncateAbove(fork);
  }

  private void resolveStarts() {
    long start = confirmedHead() + 1;
    follows.values().stream()
        .filter(follow -> !follow.isStartResolved())
        .forEach(follow -> follow.moveTo(start));
  }

  private boolean deliverDue(ChainRpc rpc) {
    List<FollowedContract> due = due();
    if (due.isEmpty()) {
      return false;
    }
    long front = due.stream().mapToLong(FollowedContract::nextBlock).max().orElseThrow();
    List<FollowedContract> behind = due.stream().filter(f -> f.nextBlock() < front).toList();
    if (!behind.isEmpty()) {
      // backfill first, so that a follow reaching the front joins the front's query right away
      long from = behind.stream().mapToLong(FollowedContract::nextBlock).min().orElseThrow();
      fetchAndDeliver(rpc, behind, from, front - 1);
    }
    List<FollowedContract> atFront = due().stream().filter(f -> f.nextBlock() == front).toList();
    if (!atFront.isEmpty()) {
      fetchAndDeliver(rpc, atFront, front, confirmedHead());
    }
    return !due().isEmpty();
  }

  private List<FollowedContract> due() {
    long confirmed = confirmedHead();
    return follows.values().stream()
        .filter(f -> f.isOpen() && f.isStartResolved() && f.nextBlock() <= confirmed)
        .toList();
  }

  /** One query for the whole group, then each follow's share, in registration order. */
  private void fetchAndDeliver(ChainRpc rpc, List<FollowedContract> group, long from, long maxTo) {
    coverWindowDownTo(rpc, from);
    List<String> addresses =
        group.stream().map(FollowedContract::address).distinct().sorted().toList();
    LogRangeFetcher.Fetched fetched = fetcher.fetch(rpc, from, maxTo, addresses, topics(group));
    checkAgainstWindow(fetched.logs());
    for (FollowedContract follow : group) {
      long start = follow.nextBlock();
      if (start > fetched.toBlock()) {
        continue;
      }
      List<ChainLog> logs =
          fetched.logs().stream()
              .filter(log -> log.blockNumber() >= start && follow.wants(log))
              .toList();
      logs.forEach(log -> window.record(follow.id(), log));
      follow.moveTo(fetched.toBlock() + 1);
      follow.deliver(new FollowerEvent.Logs(start, fetched.toBlock(), logs));
    }
  }

  /** The topic0 filter: the union when every follow names its events, none otherwise. */
  private static Set<String> topics(Collection<FollowedContract> group) {
    if (group.stream().anyMatch(follow -> follow.topics().isEmpty())) {
      return Set.of();
    }
    return group.stream()
        .flatMap(follow -> follow.topics().stream())
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * Makes the window hold every block from {@code block} up, as far as the window reaches, so that
   * what is delivered from those blocks can be checked now and retracted later.
   */
  private void coverWindowDownTo(ChainRpc rpc, long block) {
    long target = Math.max(block, window.floor());
    while (window.lowest() > target && !window.isFull()) {
      window.prepend(ForkDetector.parentOf(rpc, window.bottom()));
    }
  }

  private void checkAgainstWindow(List<ChainLog> logs) {
    for (ChainLog log : logs) {
      window
          .header(log.blockNumber())
          .filter(held -> !held.hash().equals(log.blockHash()))
          .ifPresent(
              held -> {
                throw new ChainMovedException(
                    "a log of block " + log.blockNumber() + " comes from another fork");
              });
    }
  }
}
