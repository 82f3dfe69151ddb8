package io.enclavelottery.operator.keeper.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.events.RoundCompleted;
import io.enclavelottery.chain.events.Web3jLotteryEventLog;
import io.enclavelottery.chain.signer.LocalSeedDerivation;
import io.enclavelottery.operator.keeper.KeeperChain;
import io.enclavelottery.operator.keeper.KeeperListener;
import io.enclavelottery.operator.keeper.LocalSeedSource;
import io.enclavelottery.operator.keeper.StandaloneKeeper;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/**
 * Draw latency, in blocks, from the first block whose timestamp reaches {@code minDrawTime} to the
 * block holding the draw: this project's keeper against a baseline that polls every two seconds the
 * way the seed system's operator did, in the same run on one Anvil with real 1-second blocks.
 *
 * <p>Two lotteries on one chain, one kept by a {@link StandaloneKeeper} (WebSocket heads, the draw
 * sent one block ahead), one by the {@link SeedStylePoller}. Each round: two players bet on each
 * lottery in the same block (betting 10 s, draw window from 1 s after its end), both commit, then
 * chain time jumps to 3 s before the window opens — so every block from there to the draw is a real
 * 1-second block — and both draw. Before each jump a random pause of up to 2 s shifts the round
 * against the baseline's polls. Usage: {@code DrawLatencyBenchmark [rounds [seed]]} (default 100
 * rounds, a fresh seed).
 */
public final class DrawLatencyBenchmark {

  private static final Duration ROUND_PATIENCE = Duration.ofSeconds(60);

  /** The baseline polls every 2 s; a round's length must not lock its phase to the polls. */
  private static final long POLL_PHASE_MILLIS = 2_000;

  private final KeeperChain chain;
  private final Random phases;
  private final Lane keeperLane;
  private final Lane baselineLane;

  /** One lottery of the benchmark, its players and its draw latencies. */
  private record Lane(String name, String lottery, int firstPlayer, List<Long> blocks) {}

  private DrawLatencyBenchmark(
      KeeperChain chain, Random phases, String keeperLottery, String baselineLottery) {
    this.chain = chain;
    this.phases = phases;
    this.keeperLane = new Lane("keeper (this project)", keeperLottery, 0, new ArrayList<>());
    this.baselineLane =
        new Lane("baseline (polls every 2 s)", baselineLottery, 2, new ArrayList<>());
  }

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
    // a keeper's warnings (a failed send, an outcome not read back) explain a draw it missed
    ((Logger) LoggerFactory.getLogger("io.enclavelottery.operator.keeper.RoundKeeper"))
        .setLevel(Level.WARN);
    System.out.printf(
        "machine: %s, %d CPUs; Java %s%n",
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    try (KeeperChain chain = KeeperChain.start(Duration.ofSeconds(10))) {
      DevAccount baselineOperator = chain.anvil().account(9);
      String baselineLottery = chain.deployLottery(baselineOperator, Duration.ofSeconds(10));
      SimpleMeterRegistry registry = new SimpleMeterRegistry();
      try (StandaloneKeeper keeper =
              StandaloneKeeper.start(chain.keeperSettings(), registry, KeeperListener.none());
          SeedStylePoller poller =
              new SeedStylePoller(
                  chain.contract(baselineLottery),
                  chain.senderFor(baselineOperator.key()),
                  new LocalSeedSource(
                      new LocalSeedDerivation(baselineOperator.key()),
                      LocalAnvil.CHAIN_ID,
                      baselineLottery),
                  chain::latestBlockTime)) {
        poller.start();
        long seed = args.length > 1 ? Long.parseLong(args[1]) : System.nanoTime();
        System.out.printf("%d rounds, poll phases from seed %d%n", rounds, seed);
        DrawLatencyBenchmark benchmark =
            new DrawLatencyBenchmark(chain, new Random(seed), chain.lottery(), baselineLottery);
        Instant started = Instant.now();
        for (int round = 1; round <= rounds; round++) {
          benchmark.playRound();
          if (round % 10 == 0) {
            System.out.printf(
                "%d rounds in %d s%n", round, Duration.between(started, Instant.now()).toSeconds());
          }
        }
        DistributionSummary keeperSeconds = registry.find("lottery.draw.latency").summary();
        // the keeper records the last draw just after the chain shows it
        try {
          await("the keeper's last draw metric", () -> keeperSeconds.count() >= rounds);
        } catch (IllegalStateException e) {
          System.out.printf(
              "the keeper's metric counted %d of %d draws (see the warnings above)%n",
              keeperSeconds.count(), rounds);
        }
        benchmark.print(keeperSeconds);
      }
    }
  }

  private void playRound() {
    LotteryContract keeperContract = chain.contract(keeperLane.lottery());
    LotteryContract baselineContract = chain.contract(baselineLane.lottery());
    long keeperRound = keeperContract.currentRoundId();
    long baselineRound = baselineContract.currentRoundId();
    CompletableFuture.allOf(
            bet(keeperLane, 0), bet(keeperLane, 1), bet(baselineLane, 0), bet(baselineLane, 1))
        .join();
    await(
        "both commitments",
        () -> keeperContract.round().seedCommitted() && baselineContract.round().seedCommitted());
    Instant windowOpens =
        min(keeperContract.round().minDrawTime(), baselineContract.round().minDrawTime());
    // a random pause shifts this round against the baseline's 2-s poll grid (a round takes a
    // whole number of polls, so without it every round would meet the polls at the same phase)
    pause(Duration.ofMillis(phases.nextLong(POLL_PHASE_MILLIS)));
    chain.jumpTo(windowOpens.minusSeconds(3));
    await(
        "both draws",
        () -> drawn(keeperContract, keeperRound) && drawn(baselineContract, baselineRound));
    keeperLane.blocks().add(latency(keeperLane, keeperContract.roundById(keeperRound)));
    baselineLane.blocks().add(latency(baselineLane, baselineContract.roundById(baselineRound)));
  }

  private CompletableFuture<Void> bet(Lane lane, int player) {
    int index = lane.firstPlayer() + player;
    return CompletableFuture.runAsync(
        () -> {
          try {
            chain.bet(lane.lottery(), index);
          } catch (IllegalStateException e) {
            // the player's sender has, rarely, taken its own mined bet for another transaction
            // of its nonce (its receipt not yet served once the nonce moved): the bet on chain
            // is what counts
            if (chain.contract(lane.lottery()).betAmount(chain.player(index).address()).signum()
                == 0) {
              throw e;
            }
          }
        });
  }

  private static boolean drawn(LotteryContract contract, long roundId) {
    return contract.roundById(roundId).state() == RoundState.COMPLETED;
  }

  /** Blocks from the first block at or after minDrawTime to the block with the draw. */
  private long latency(Lane lane, Round round) {
    Web3jLotteryEventLog events =
        new Web3jLotteryEventLog(chain.web3j(), chain.anvil().httpUrl(), lane.lottery());
    long latest = events.latestBlock();
    long drawBlock =
        events.roundEvents(round.roundId(), Math.max(0, latest - 60), latest).stream()
            .filter(RoundCompleted.class::isInstance)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no RoundCompleted for " + round))
            .position()
            .blockNumber();
    long first = drawBlock;
    while (!chain.blockTime(first - 1).isBefore(round.minDrawTime())) {
      first--;
    }
    return drawBlock - first;
  }

  private void print(DistributionSummary keeperSeconds) {
    System.out.println();
    System.out.printf(
        "%-28s %6s %6s %6s %6s %6s  %s%n",
        "draws", "rounds", "p50", "p99", "max", "mean", "histogram");
    for (Lane lane : List.of(keeperLane, baselineLane)) {
      List<Long> sorted = new ArrayList<>(lane.blocks());
      Collections.sort(sorted);
      TreeMap<Long, Integer> histogram = new TreeMap<>();
      sorted.forEach(blocks -> histogram.merge(blocks, 1, Integer::sum));
      System.out.printf(
          Locale.ROOT,
          "%-28s %6d %6d %6d %6d %6.2f  %s%n",
          lane.name(),
          sorted.size(),
          percentile(sorted, 50),
          percentile(sorted, 99),
          sorted.get(sorted.size() - 1),
          sorted.stream().mapToLong(Long::longValue).average().orElse(0),
          histogram);
    }
    System.out.printf(
        Locale.ROOT,
        "(in blocks of 1 s; histogram = {blocks=rounds}; the keeper's own metric,"
            + " lottery_draw_latency_seconds: %d draws, mean %.2f s, max %.0f s)%n",
        keeperSeconds.count(),
        keeperSeconds.mean(),
        keeperSeconds.max());
  }

  /** Nearest-rank percentile. */
  private static long percentile(List<Long> sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static void await(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(ROUND_PATIENCE);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("no " + what + " within " + ROUND_PATIENCE);
      }
      pause(Duration.ofMillis(100));
    }
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
