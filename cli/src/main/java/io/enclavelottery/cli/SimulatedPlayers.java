package io.enclavelottery.cli;

import io.enclavelottery.chain.contract.LotteryCalls;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dev mode's make-believe players: every few seconds one of them, picked at random, bets a small
 * random multiple of the minimum bet. A bet the contract would refuse (betting closed while the
 * round waits for its draw) is refused by the node's estimate and simply skipped.
 */
final class SimulatedPlayers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SimulatedPlayers.class);
  private static final long MIN_PAUSE_MILLIS = 1_500;
  private static final long MAX_PAUSE_MILLIS = 6_000;
  private static final int MAX_MULTIPLE = 5;

  private final DevTransactions transactions;
  private final LotteryCalls calls;
  private final List<String> players;
  private final BigInteger minBet;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "simulated-players");
            thread.setDaemon(true);
            return thread;
          });

  private SimulatedPlayers(
      DevTransactions transactions, String contract, List<String> players, BigInteger minBet) {
    this.transactions = transactions;
    this.calls = new LotteryCalls(contract);
    this.players = List.copyOf(players);
    this.minBet = minBet;
  }

  /** Starts betting from {@code players}; an empty list starts nothing. */
  static SimulatedPlayers start(
      DevTransactions transactions, String contract, List<String> players, BigInteger minBet) {
    SimulatedPlayers simulated = new SimulatedPlayers(transactions, contract, players, minBet);
    if (!players.isEmpty()) {
      simulated.scheduleNext();
    }
    return simulated;
  }

  private void scheduleNext() {
    long pause = ThreadLocalRandom.current().nextLong(MIN_PAUSE_MILLIS, MAX_PAUSE_MILLIS);
    timer.schedule(this::betOnce, pause, TimeUnit.MILLISECONDS);
  }

  private void betOnce() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String player = players.get(random.nextInt(players.size()));
    BigInteger amount = minBet.multiply(BigInteger.valueOf(random.nextInt(1, MAX_MULTIPLE + 1)));
    try {
      transactions.send(player, calls.placeBet(amount));
      LOG.debug("simulated player {} bet {} wei", player, amount);
    } catch (RuntimeException e) {
      LOG.debug("simulated bet skipped: {}", e.getMessage());
    }
    try {
      scheduleNext();
    } catch (RejectedExecutionException e) {
      // closed while this bet was being sent
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
