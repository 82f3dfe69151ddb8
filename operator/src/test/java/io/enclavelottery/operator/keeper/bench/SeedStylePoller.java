package io.enclavelottery.operator.keeper.bench;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.chain.tx.TransactionSender;
import io.enclavelottery.operator.keeper.LocalSeedSource;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark's baseline: an operator that works the way the seed system's did, by polling every
 * two seconds. Each poll reads the round and the latest block's time; once a poll sees {@code now ≥
 * minDrawTime} it sends {@code drawWinner} (simulated at the pending block, then waited for). The
 * commitment, which the seed system had no equivalent of, is sent at the first poll that sees
 * enough players. It measures the polling design, not this project's keeper.
 */
final class SeedStylePoller implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SeedStylePoller.class);

  private final LotteryContract contract;
  private final TransactionSender sender;
  private final LocalSeedSource seeds;
  private final Supplier<Instant> latestBlockTime;
  private final ScheduledExecutorService polls =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "seed-style-poller");
            thread.setDaemon(true);
            return thread;
          });

  SeedStylePoller(
      LotteryContract contract,
      TransactionSender sender,
      LocalSeedSource seeds,
      Supplier<Instant> latestBlockTime) {
    this.contract = contract;
    this.sender = sender;
    this.seeds = seeds;
    this.latestBlockTime = latestBlockTime;
  }

  void start() {
    polls.scheduleAtFixedRate(this::poll, 0, 2, TimeUnit.SECONDS);
  }

  private void poll() {
    try {
      Round round = contract.round();
      Instant now = latestBlockTime.get();
      if (round.state() != RoundState.BETTING) {
        return;
      }
      if (!round.seedCommitted()
          && round.participantCount() >= 2
          && now.isBefore(round.endTime())) {
        report(
            sender.send(contract.commitSeed(seeds.commitment(round.roundId()), round.endTime())));
      } else if (round.seedCommitted() && !now.isBefore(round.minDrawTime())) {
        report(sender.send(contract.drawWinner(Hex32.of(seeds.seed(round.roundId()).bytes()))));
      }
    } catch (RuntimeException e) {
      LOG.warn("poll failed: {}", e.getMessage());
    }
  }

  private static void report(SendResult result) {
    if (!result.succeeded()) {
      LOG.warn("{}", result.describe());
    }
  }

  @Override
  public void close() {
    polls.shutdownNow();
  }
}
