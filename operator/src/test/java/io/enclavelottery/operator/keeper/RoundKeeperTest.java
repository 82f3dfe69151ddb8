package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.contract.RevertReason;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.follower.ChainLog;
import io.enclavelottery.chain.follower.FollowerEvent;
import io.enclavelottery.chain.signer.CapturedLogs;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.SendResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The keeper's loop over fakes: when it looks, what it sends, what it reports, what it keeps. */
class RoundKeeperTest {

  private static final String KEY_HEX = KeepersOnFakes.KEY_HEX;
  private static final SigningKey OPERATOR = KeepersOnFakes.OPERATOR;
  private static final String LOTTERY = KeepersOnFakes.LOTTERY;
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @AutoClose private final KeepersOnFakes fakes = new KeepersOnFakes();
  private final Instant start = fakes.start;
  private final InMemoryLotteryContract contract = fakes.contract;
  private final FakeChainView chain = fakes.chain;
  private final FakeTransactionSender sender = new FakeTransactionSender(OPERATOR.address());
  private final LocalSeedSource seeds = fakes.seeds;
  private final RecordingListener listener = new RecordingListener();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void commitsTheSeedWhenTheSecondPlayersBetArrives() {
    Instant end = start.plusSeconds(300);
    contract.putRound(fakes.betting(1, end, 1, Hex32.ZERO));
    RoundKeeper keeper = started();
    await().atMost(PATIENCE).until(() -> keeper.status().state() == KeeperState.RUNNING);
    assertThat(sender.sent()).isEmpty();

    contract.putRound(fakes.betting(1, end, 2, Hex32.ZERO));
    sender.answering(
        call -> {
          contract.putRound(fakes.betting(1, end, 2, seeds.commitment(1)));
          return FakeTransactionSender.mined(call, 102);
        });
    chain.mine(1);
    keeper.accept(logsOfLatestBlock(1));

    await().atMost(PATIENCE).until(() -> listener.reasons().contains("SeedCommitted"));
    assertThat(sender.sent()).containsExactly(contract.commitSeed(seeds.commitment(1), end));
    assertThat(listener.events).contains(new KeeperEvent.SeedCommitted(1, end));
  }

  @Test
  void headsBeforeTheDeadlineAndLogsAlreadyReadCostNoLook() {
    contract.putRound(fakes.betting(1, start.plusSeconds(300), 1, Hex32.ZERO));
    RoundKeeper keeper = started();
    await().atMost(PATIENCE).until(() -> keeper.status().state() == KeeperState.RUNNING);
    // the follow's first delivery may cover blocks the first look did not read: one more look
    chain.mine(1);
    keeper.accept(logsOfLatestBlock(0));
    await().atMost(PATIENCE).until(() -> chain.looks.get() >= 2);
    int looks = chain.looks.get();

    for (int i = 0; i < 5; i++) {
      chain.mine(1);
      keeper.onHead(fakes.head());
    }
    // a log of a block the last look read, and an empty range, change nothing the keeper saw
    keeper.accept(new FollowerEvent.Logs(0, 0, List.of(log(0))));
    keeper.accept(logsOfLatestBlock(0));
    // a log of a newer block is looked at
    keeper.accept(logsOfLatestBlock(1));

    await().atMost(PATIENCE).until(() -> chain.looks.get() == looks + 1);
    assertThat(chain.looks.get()).isEqualTo(looks + 1);
  }

  @Test
  void looksAgainAtItsRecheckTimeWithoutAHead() {
    Instant end = start.plusSeconds(1);
    contract.putRound(fakes.betting(1, end, 1, Hex32.ZERO));
    sender.answering(
        call -> {
          contract.putRound(refunded(fakes.betting(1, end, 1, Hex32.ZERO)));
          contract.putRound(waiting(2));
          return FakeTransactionSender.mined(call, 103);
        });
    RoundKeeper keeper = started();
    await().atMost(PATIENCE).until(() -> keeper.status().state() == KeeperState.RUNNING);
    int firstLooks = chain.looks.get();

    // the chain moves past endTime; nobody tells the keeper
    chain.mine(2);

    await().atMost(PATIENCE).until(() -> sender.sentFunctions().contains("refundExpiredRound"));
    assertThat(chain.looks.get()).isGreaterThan(firstLooks);
    await().atMost(PATIENCE).until(() -> listener.reasons().contains("RoundRefunded"));
    assertThat(listener.events)
        .filteredOn(event -> event instanceof KeeperEvent.RoundRefunded)
        .extracting(KeeperEvent::message)
        .containsExactly("round 1 refunded: no seed was committed by the end of betting");
  }

  @Test
  void sendsNothingWhileItsTransactionsWaitInThePoolAfterARestart() {
    Instant end = start.plusSeconds(300);
    contract.putRound(fakes.betting(1, end, 2, Hex32.ZERO));
    chain.inPool(1);
    RoundKeeper keeper = started();

    await()
        .atMost(PATIENCE)
        .until(() -> keeper.status().plan().contains("already in the node's pool"));
    for (int i = 0; i < 3; i++) {
      chain.mine(1);
      keeper.onHead(fakes.head());
    }
    await().atMost(PATIENCE).until(() -> chain.looks.get() >= 2);
    assertThat(sender.sent()).isEmpty();

    // the commitment sent before the restart lands
    contract.putRound(fakes.betting(1, end, 2, seeds.commitment(1)));
    chain.inPool(0).mine(1);
    keeper.onHead(fakes.head());
    await().atMost(PATIENCE).until(() -> keeper.status().plan().contains("is committed"));
    assertThat(sender.sent()).isEmpty();
  }

  @Test
  void aTransactionStillPendingIsNotSentAgain() {
    Instant end = start.plusSeconds(300);
    contract.putRound(fakes.betting(1, end, 2, Hex32.ZERO));
    sender.answering(
        call -> {
          chain.inPool(1);
          return new SendResult.StillPending(
              FakeTransactionSender.transaction(call), "not mined within 10 minutes");
        });
    RoundKeeper keeper = started();
    await().atMost(PATIENCE).until(() -> sender.sent().size() == 1);

    for (int i = 0; i < 3; i++) {
      chain.mine(1);
      keeper.onHead(fakes.head());
    }
    int looks = chain.looks.get();
    await().atMost(PATIENCE).until(() -> chain.looks.get() > looks);
    await()
        .atMost(PATIENCE)
        .until(() -> keeper.status().plan().startsWith("waiting for the outcome of commitSeed"));
    assertThat(sender.sentFunctions()).containsExactly("commitSeed");
    assertThat(listener.events)
        .filteredOn(KeeperEvent::warning)
        .extracting(KeeperEvent::message)
        .allMatch(message -> message.contains("still pending"));
  }

  @Test
  void reportsAFailureInWordsAndBacksOffBeforeTryingAgain() {
    Instant end = start.plusSeconds(300);
    contract.putRound(fakes.betting(1, end, 2, Hex32.ZERO));
    sender.answering(
        call ->
            new SendResult.WouldRevert(
                call.function(),
                new RevertReason.CustomError(
                    "BettingClosed", List.of(BigInteger.ONE, BigInteger.TWO))));
    RoundKeeper keeper = started();

    await().atMost(PATIENCE).until(() -> listener.reasons().contains("TransactionFailed"));
    KeeperEvent failure = listener.events.get(0);
    assertThat(failure.warning()).isTrue();
    assertThat(failure.message())
        .isEqualTo("commitSeed would revert with BettingClosed(1, 2); nothing was sent");
    assertThat(keeper.status().lastFailure()).hasValue(failure.message());

    // a head right after the failure does not bring a second attempt at once
    keeper.onHead(fakes.head());
    assertThat(sender.sent()).hasSize(1);
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                registry
                        .get("lottery.keeper.transactions")
                        .tag("outcome", "would_revert")
                        .counter()
                        .count()
                    >= 2);
  }

  @Test
  void sendsTheDrawOneBlockBeforeTheWindowOpensAndReportsTheWinner() {
    Instant end = start.plusSeconds(5);
    Round committed = fakes.betting(1, end, 3, seeds.commitment(1));
    Instant minDraw = committed.minDrawTime();
    contract.putRound(committed);
    String winner = "0x" + "77".repeat(20);
    sender.answering(
        call -> {
          contract.putRound(completed(committed, winner));
          contract.putRound(waiting(2));
          chain.mine(1);
          return FakeTransactionSender.mined(call, chain.number());
        });

    try (CapturedLogs logs = new CapturedLogs()) {
      RoundKeeper keeper = started();
      // two blocks before the window: nothing yet
      advanceTo(minDraw.minusSeconds(2), keeper);
      await().atMost(PATIENCE).until(() -> keeper.status().plan().contains("the draw is sent at"));
      assertThat(sender.sent()).isEmpty();

      // the block before the window: the draw goes out, to land in the window's first block
      advanceTo(minDraw.minusSeconds(1), keeper);
      await().atMost(PATIENCE).until(() -> listener.reasons().contains("WinnerDrawn"));
      Hex32 seed = Hex32.of(seeds.seed(1).bytes());
      assertThat(sender.sent()).containsExactly(contract.drawWinner(seed));
      KeeperEvent.WinnerDrawn drawn =
          (KeeperEvent.WinnerDrawn)
              listener.events.stream()
                  .filter(e -> e instanceof KeeperEvent.WinnerDrawn)
                  .findFirst()
                  .orElseThrow();
      assertThat(drawn.winner()).isEqualTo(winner);
      assertThat(drawn.afterWindowOpened()).isZero();
      assertThat(drawn.ended().transactionHash()).isEqualTo(FakeTransactionSender.HASH);
      assertThat(drawn.ended().at()).isEqualTo(minDraw);
      assertThat(registry.get("lottery.draw.latency").summary().count()).isEqualTo(1);

      List<String> reported = new ArrayList<>(listener.everything());
      reported.addAll(logs.lines());
      String seedHex = seed.hex().substring(2);
      assertThat(reported).isNotEmpty().noneMatch(line -> line.toLowerCase().contains(seedHex));
      assertThat(reported).noneMatch(line -> line.toLowerCase().contains(KEY_HEX));
    }
  }

  @Test
  void aNodeOnAnotherChainBlocksTheKeeper() {
    chain.chainId(1);
    assertBlocked(
        Problem.Kind.CHAIN_ID_MISMATCH,
        "the node is on chain 1, not on the configured chain 31337");
  }

  @Test
  void noCodeAtTheAddressBlocksTheKeeper() {
    contract.setHasCode(false);
    assertBlocked(Problem.Kind.NO_CONTRACT, "there is no contract at " + LOTTERY);
  }

  @Test
  void aKeyThatIsNotTheOperatorsBlocksTheKeeper() {
    String other = "0x" + "42".repeat(20);
    contract.putSettings(InMemoryLotteryContract.defaultSettings(other));
    assertBlocked(
        Problem.Kind.NOT_OPERATOR,
        "the key's address " + OPERATOR.address() + " is not the contract's operator " + other);
  }

  @Test
  void tooLittleEtherForGasBlocksTheKeeper() {
    chain.balance(BigInteger.valueOf(1_000));
    assertBlocked(Problem.Kind.BALANCE_TOO_LOW, "holds 0.000000000000001 ETH, less than the");
  }

  @Test
  void anUnreachableNodeIsRetriedUntilItAnswers() {
    chain.unreachable(true);
    RoundKeeper keeper =
        assertBlocked(Problem.Kind.RPC_UNREACHABLE, "cannot reach the chain: cannot reach the RPC");
    assertThat(keeper.status().state()).isEqualTo(KeeperState.UNREACHABLE);

    chain.unreachable(false);
    await().atMost(PATIENCE).until(() -> sender.sentFunctions().contains("commitSeed"));
    assertThat(keeper.status().problem()).isEmpty();
  }

  @Test
  void aKeeperStartedAfterAnotherOfTheSameContractReportsItsOwnFunds() {
    contract.putRound(waiting(1));
    RoundKeeper first = started();
    await().atMost(PATIENCE).until(() -> balanceGauge() == 1.0);
    first.close();

    chain.balance(BigInteger.TWO.multiply(BigInteger.TEN.pow(18)));
    started();

    await().atMost(PATIENCE).until(() -> balanceGauge() == 2.0);
    assertThat(registry.find("lottery.operator.balance").gauges()).hasSize(1);
  }

  private double balanceGauge() {
    return registry.find("lottery.operator.balance").gauges().stream()
        .mapToDouble(Gauge::value)
        .findFirst()
        .orElse(Double.NaN);
  }

  /** Starts a keeper on a round that needs a commitment and checks it only reports the problem. */
  private RoundKeeper assertBlocked(Problem.Kind kind, String messagePart) {
    contract.putRound(fakes.betting(1, start.plusSeconds(300), 2, Hex32.ZERO));
    RoundKeeper keeper = started();
    await().atMost(PATIENCE).until(() -> keeper.status().problem().isPresent());
    Problem problem = keeper.status().problem().orElseThrow();
    assertThat(problem.kind()).isEqualTo(kind);
    assertThat(problem.message()).contains(messagePart);
    assertThat(keeper.status().state()).isIn(KeeperState.BLOCKED, KeeperState.UNREACHABLE);
    keeper.onHead(fakes.head());
    assertThat(sender.sent()).isEmpty();
    return keeper;
  }

  private RoundKeeper started() {
    return fakes.start(sender, listener, registry);
  }

  private void advanceTo(Instant time, RoundKeeper keeper) {
    chain.mine(time.getEpochSecond() - chain.time().getEpochSecond());
    keeper.onHead(fakes.head());
  }

  /** The contract's logs of the latest block: {@code count} of them. */
  private FollowerEvent.Logs logsOfLatestBlock(int count) {
    long block = chain.number();
    List<ChainLog> logs = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      logs.add(log(block));
    }
    return new FollowerEvent.Logs(block, block, logs);
  }

  private static ChainLog log(long block) {
    return new ChainLog(
        LOTTERY, block, "0x" + "01".repeat(32), "0x" + "03".repeat(32), 0, 0, List.of(), "0x");
  }

  private static Round waiting(long id) {
    return new Round(
        id,
        Instant.EPOCH,
        Instant.EPOCH,
        Instant.EPOCH,
        Instant.EPOCH,
        BigInteger.ZERO,
        0,
        Round.NO_ADDRESS,
        BigInteger.ZERO,
        BigInteger.ZERO,
        RoundState.WAITING,
        Hex32.ZERO,
        Hex32.ZERO,
        0,
        Duration.ZERO,
        BigInteger.ZERO);
  }

  private static Round refunded(Round round) {
    return withState(round, RoundState.REFUNDED, Round.NO_ADDRESS);
  }

  private static Round completed(Round round, String winner) {
    return withState(round, RoundState.COMPLETED, winner);
  }

  private static Round withState(Round round, RoundState state, String winner) {
    return new Round(
        round.roundId(),
        round.startTime(),
        round.endTime(),
        round.minDrawTime(),
        round.maxDrawTime(),
        round.totalPot(),
        round.participantCount(),
        winner,
        BigInteger.ZERO,
        round.totalPot(),
        state,
        round.seedCommitment(),
        round.seedCommitment(),
        round.betCount(),
        round.totalExtension(),
        BigInteger.ZERO);
  }
}
