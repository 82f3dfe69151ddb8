package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.tx.Fees;
import io.enclavelottery.chain.tx.SentTransaction;
import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryPhase;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.PendingSettings;
import io.enclavelottery.crd.PendingTransaction;
import io.enclavelottery.crd.RoundOutcome;
import io.enclavelottery.crd.RoundResult;
import io.enclavelottery.crd.RoundStatus;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.decision.BondCoverage;
import io.enclavelottery.operator.keeper.ChainReading;
import io.enclavelottery.operator.keeper.KeeperState;
import io.enclavelottery.operator.keeper.KeeperStatus;
import io.enclavelottery.operator.keeper.Problem;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LotteryStatusesTest {

  private static final String OPERATOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final SignerReport LOCAL_KEY = SignerReport.localKey("operator-key", OPERATOR);
  private static final BondCoverage COVERED =
      new BondCoverage(true, BigInteger.TEN.pow(16), BigInteger.TEN.pow(18));
  private static final LotteryRoundSpec SPEC = spec(RoundsSpec.DEFAULTS);
  private static final Instant START = Instant.parse("2026-11-27T10:00:00Z");
  private static final Round ROUND =
      new Round(
          4,
          START,
          START.plusSeconds(300),
          START.plusSeconds(310),
          START.plusSeconds(900),
          new BigInteger("30000000000000000"),
          3,
          Round.NO_ADDRESS,
          BigInteger.ZERO,
          BigInteger.ZERO,
          RoundState.BETTING,
          Hex32.of(BigInteger.ONE),
          Hex32.ZERO,
          3,
          Duration.ZERO,
          BigInteger.ZERO);
  private static final LotterySettings SETTINGS = InMemoryLotteryContract.defaultSettings(OPERATOR);
  private static final SentTransaction COMMIT =
      new SentTransaction(
          "0x" + "ab".repeat(32),
          "commitSeed",
          OPERATOR,
          BigInteger.valueOf(7),
          new Fees(BigInteger.TEN.pow(9), BigInteger.TEN.pow(9)),
          BigInteger.valueOf(100_000),
          START.plusSeconds(20),
          START.plusSeconds(20),
          0,
          false);

  @Test
  void aRunningKeeperIsReadyWithEveryCheckTrue() {
    LotteryRoundStatus status = status(SPEC, keeper(KeeperState.RUNNING, null, COVERED, ""));

    assertThat(status.phase()).isEqualTo(LotteryPhase.RUNNING);
    assertThat(status.conditions())
        .extracting(LotteryCondition::type, LotteryCondition::status)
        .containsExactly(
            tuple(ConditionType.READY, ConditionStatus.TRUE),
            tuple(ConditionType.SIGNER_READY, ConditionStatus.TRUE),
            tuple(ConditionType.CHAIN_REACHABLE, ConditionStatus.TRUE),
            tuple(ConditionType.CONTRACT_VERIFIED, ConditionStatus.TRUE),
            tuple(ConditionType.OPERATOR_AUTHORIZED, ConditionStatus.TRUE),
            tuple(ConditionType.SETTINGS_IN_SYNC, ConditionStatus.TRUE),
            tuple(ConditionType.BOND_SUFFICIENT, ConditionStatus.TRUE));
    assertThat(status.round())
        .isEqualTo(
            new RoundStatus(
                4L,
                io.enclavelottery.crd.RoundState.BETTING,
                "2026-11-27T10:00:00Z",
                "2026-11-27T10:05:00Z",
                "2026-11-27T10:05:10Z",
                "2026-11-27T10:15:00Z",
                "0.03",
                3L,
                true));
    assertThat(status.chainId()).isEqualTo(31337L);
    assertThat(status.operatorAddress()).isEqualTo(OPERATOR);
    assertThat(status.operatorBalance()).isEqualTo("0.1");
    assertThat(status.bond()).isEqualTo("10");
    assertThat(status.maxPot()).isEqualTo("1");
    assertThat(status.unrevealedRounds()).isZero();
    assertThat(status.pendingTransaction()).isNull();
    assertThat(status.pendingSettings()).isNull();
    assertThat(status.lastError()).isNull();
  }

  @Test
  void aKeyThatIsNotTheOperatorFailsOperatorAuthorizedAfterTheChecksBeforeIt() {
    Problem problem =
        new Problem(
            Problem.Kind.NOT_OPERATOR, "the key signs as 0xabc, the contract's operator is 0xdef");
    LotteryRoundStatus status = status(SPEC, keeper(KeeperState.BLOCKED, problem, COVERED, ""));

    assertThat(status.phase()).isEqualTo(LotteryPhase.BLOCKED);
    assertThat(condition(status, ConditionType.CHAIN_REACHABLE).status())
        .isEqualTo(ConditionStatus.TRUE);
    assertThat(condition(status, ConditionType.CONTRACT_VERIFIED).status())
        .isEqualTo(ConditionStatus.TRUE);
    LotteryCondition authorized = condition(status, ConditionType.OPERATOR_AUTHORIZED);
    assertThat(authorized.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(authorized.reason()).isEqualTo("NotOperator");
    assertThat(authorized.message()).isEqualTo(problem.message());
    assertThat(condition(status, ConditionType.READY).reason()).isEqualTo("NotOperator");
    assertThat(status.lastError()).isEqualTo(problem.message());
  }

  @Test
  void anUnreachableNodeLeavesTheLaterChecksUnknown() {
    Problem problem = new Problem(Problem.Kind.RPC_UNREACHABLE, "cannot reach the chain");
    LotteryRoundStatus status = status(SPEC, keeper(KeeperState.UNREACHABLE, problem, COVERED, ""));

    assertThat(status.phase()).isEqualTo(LotteryPhase.UNAVAILABLE);
    assertThat(condition(status, ConditionType.CHAIN_REACHABLE).reason())
        .isEqualTo("RpcUnreachable");
    assertThat(condition(status, ConditionType.CONTRACT_VERIFIED).status())
        .isEqualTo(ConditionStatus.UNKNOWN);
    assertThat(condition(status, ConditionType.OPERATOR_AUTHORIZED).status())
        .isEqualTo(ConditionStatus.UNKNOWN);
  }

  @Test
  void aStartingKeeperIsPendingWithNothingCheckedYet() {
    LotteryRoundStatus status = status(SPEC, KeeperStatus.starting());

    assertThat(status.phase()).isEqualTo(LotteryPhase.PENDING);
    assertThat(condition(status, ConditionType.READY).status()).isEqualTo(ConditionStatus.UNKNOWN);
    assertThat(condition(status, ConditionType.CHAIN_REACHABLE).status())
        .isEqualTo(ConditionStatus.UNKNOWN);
    assertThat(status.round()).isNull();
  }

  @Test
  void aBondTooSmallIsNotReady() {
    BondCoverage small = new BondCoverage(false, BigInteger.TEN.pow(18), BigInteger.TEN.pow(16));
    LotteryRoundStatus status = status(SPEC, keeper(KeeperState.RUNNING, null, small, ""));

    assertThat(condition(status, ConditionType.BOND_SUFFICIENT).status())
        .isEqualTo(ConditionStatus.FALSE);
    LotteryCondition ready = condition(status, ConditionType.READY);
    assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready.reason()).isEqualTo("BondTooSmall");
    assertThat(ready.message()).startsWith("bond too small");
  }

  @Test
  void settingsHeldForTheRunningRoundAreNotInSync() {
    LotteryRoundSpec wanted = spec(new RoundsSpec(60, "0.000001", 2, null, null, null));
    LotteryRoundStatus status =
        status(
            wanted,
            keeper(
                KeeperState.RUNNING,
                null,
                COVERED,
                "minBetAmount 1000 wei -> 1000000000000 wei, bettingDuration 300 s -> 60 s"));

    LotteryCondition settings = condition(status, ConditionType.SETTINGS_IN_SYNC);
    assertThat(settings.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(settings.reason()).isEqualTo("HeldForRound");
    assertThat(settings.message())
        .isEqualTo(
            "round 4 is running and the contract changes settings only between rounds:"
                + " minBetAmount 1000 wei -> 1000000000000 wei, bettingDuration 300 s -> 60 s"
                + " will be applied when it ends");
    // minParticipants is 2 on the chain already: only what differs is held
    assertThat(status.pendingSettings()).isEqualTo(new PendingSettings("0.000001", 60, null));
  }

  @Test
  void settingsFromTheSpecThatNothingHoldsBackAreInSync() {
    LotteryRoundSpec withMinBet = spec(new RoundsSpec(null, "0.01", null, null, null, null));
    LotteryRoundStatus status = status(withMinBet, keeper(KeeperState.RUNNING, null, COVERED, ""));

    LotteryCondition settings = condition(status, ConditionType.SETTINGS_IN_SYNC);
    assertThat(settings.status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(settings.reason()).isEqualTo("InSync");
  }

  @Test
  void aSignerRefusedAfterItsRestartMakesTheLotteryRoundNotReady() {
    KeeperStatus refused =
        keeper(
            KeeperState.RUNNING,
            new Problem(
                Problem.Kind.SIGNER_NOT_ATTESTED,
                "the enclave signer restarted and is not attested again: PCR0 differs"),
            COVERED,
            "");

    LotteryRoundStatus status =
        LotteryStatuses.running(
            SPEC,
            refused,
            SignerReport.enclave(Optional.empty(), refused),
            10,
            Optional.empty(),
            null);

    LotteryCondition ready = status.condition(ConditionType.READY).orElseThrow();
    assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready.reason()).isEqualTo("SignerNotAttested");
    assertThat(ready.message()).contains("PCR0 differs");
  }

  @Test
  void theLastResultIsKeptUntilTheKeeperEndsAnotherRound() {
    RoundResult earlier =
        new RoundResult(3L, RoundOutcome.REFUNDED, null, null, null, "too few", null, null);
    LotteryRoundStatus previous =
        new LotteryRoundStatus(
            null, null, null, null, null, null, null, null, null, null, null, null, earlier, null,
            null, null, null, null);
    KeeperStatus running = keeper(KeeperState.RUNNING, null, COVERED, "");

    assertThat(
            LotteryStatuses.running(SPEC, running, LOCAL_KEY, 10, Optional.empty(), previous)
                .lastResult())
        .isEqualTo(earlier);
    RoundResult drawn =
        new RoundResult(4L, RoundOutcome.DRAWN, OPERATOR, "0.029", "0.03", null, null, null);
    assertThat(
            LotteryStatuses.running(SPEC, running, LOCAL_KEY, 10, Optional.of(drawn), previous)
                .lastResult())
        .isEqualTo(drawn);
  }

  @Test
  void aLotteryRoundThatCannotRunKeepsEveryConditionInItsPlace() {
    LotteryRoundStatus status =
        LotteryStatuses.notRunning(
            null,
            LotteryPhase.BLOCKED,
            ConditionType.SIGNER_READY,
            "SecretNotFound",
            "Secret lottery/absent does not exist");

    assertThat(status.conditions())
        .extracting(LotteryCondition::type, LotteryCondition::status, LotteryCondition::reason)
        .containsExactly(
            tuple(ConditionType.READY, ConditionStatus.FALSE, "SecretNotFound"),
            tuple(ConditionType.SIGNER_READY, ConditionStatus.FALSE, "SecretNotFound"),
            tuple(ConditionType.CHAIN_REACHABLE, ConditionStatus.UNKNOWN, "NotChecked"),
            tuple(ConditionType.CONTRACT_VERIFIED, ConditionStatus.UNKNOWN, "NotChecked"),
            tuple(ConditionType.OPERATOR_AUTHORIZED, ConditionStatus.UNKNOWN, "NotChecked"),
            tuple(ConditionType.SETTINGS_IN_SYNC, ConditionStatus.UNKNOWN, "NotChecked"),
            tuple(ConditionType.BOND_SUFFICIENT, ConditionStatus.UNKNOWN, "NotChecked"));
    assertThat(status.lastError()).isEqualTo("Secret lottery/absent does not exist");
  }

  @Test
  void aPausedContractIsPaused() {
    LotteryRoundStatus status =
        status(
            SPEC, keeper(KeeperState.RUNNING, null, COVERED, "", paused(SETTINGS), 0, List.of()));

    assertThat(status.phase()).isEqualTo(LotteryPhase.PAUSED);
  }

  @Test
  void theTransactionInFlightIsTheOneWithTheLowestNonce() {
    SentTransaction later =
        new SentTransaction(
            "0x" + "cd".repeat(32),
            "drawWinner",
            OPERATOR,
            BigInteger.valueOf(8),
            COMMIT.fees(),
            COMMIT.gasLimit(),
            START.plusSeconds(21),
            START.plusSeconds(21),
            0,
            false);
    LotteryRoundStatus status =
        status(
            SPEC,
            keeper(KeeperState.RUNNING, null, COVERED, "", SETTINGS, 2, List.of(later, COMMIT)));

    assertThat(status.pendingTransaction())
        .isEqualTo(
            new PendingTransaction(
                "0x" + "ab".repeat(32), "commitSeed", 7L, "2026-11-27T10:00:20Z"));
  }

  @Test
  void aRestartedControllerKeepsShowingTheTransactionItFindsInThePool() {
    PendingTransaction recorded =
        new PendingTransaction("0x" + "ab".repeat(32), "commitSeed", 7L, "2026-11-27T10:00:20Z");
    LotteryRoundStatus previous = withPending(recorded);

    KeeperStatus inPool = keeper(KeeperState.RUNNING, null, COVERED, "", SETTINGS, 1, List.of());
    KeeperStatus mined = keeper(KeeperState.RUNNING, null, COVERED, "", SETTINGS, 0, List.of());

    assertThat(
            LotteryStatuses.running(SPEC, inPool, LOCAL_KEY, 10, Optional.empty(), previous)
                .pendingTransaction())
        .isEqualTo(recorded);
    assertThat(
            LotteryStatuses.running(SPEC, mined, LOCAL_KEY, 10, Optional.empty(), previous)
                .pendingTransaction())
        .isNull();
  }

  @Test
  void theHistoryIsNewestFirstAndBounded() {
    KeeperStatus running = keeper(KeeperState.RUNNING, null, COVERED, "");
    LotteryRoundStatus status = null;
    for (long round = 1; round <= 12; round++) {
      RoundResult result =
          new RoundResult(round, RoundOutcome.REFUNDED, null, null, null, "too few", null, null);
      status = LotteryStatuses.running(SPEC, running, LOCAL_KEY, 10, Optional.of(result), status);
      // the same result seen again is not added twice
      status = LotteryStatuses.running(SPEC, running, LOCAL_KEY, 11, Optional.of(result), status);
    }

    assertThat(status.history())
        .extracting(RoundResult::roundId)
        .containsExactly(12L, 11L, 10L, 9L, 8L, 7L, 6L, 5L, 4L, 3L);
    assertThat(status.lastResult().roundId()).isEqualTo(12L);
  }

  private static LotteryRoundStatus withPending(PendingTransaction pending) {
    return new LotteryRoundStatus(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, pending,
        null, null, null);
  }

  private static LotterySettings paused(LotterySettings s) {
    return new LotterySettings(
        s.publisher(),
        s.operator(),
        s.publisherCommissionBps(),
        s.minBetAmount(),
        s.bettingDuration(),
        s.minDrawDelayAfterEnd(),
        s.maxDrawDelayAfterEnd(),
        s.minEndTimeExtension(),
        s.minParticipants(),
        s.revealPenaltyBps(),
        s.operatorBond(),
        s.maxPot(),
        s.unrevealedRounds(),
        true,
        s.pendingOperator(),
        s.pendingOperatorEffectiveAt(),
        s.operatorChangeDelay(),
        s.maxTotalExtension());
  }

  private static LotteryRoundStatus status(LotteryRoundSpec spec, KeeperStatus keeper) {
    return LotteryStatuses.running(spec, keeper, LOCAL_KEY, 100, Optional.empty(), null);
  }

  private static LotteryCondition condition(LotteryRoundStatus status, ConditionType type) {
    return status.condition(type).orElseThrow();
  }

  private static KeeperStatus keeper(
      KeeperState state, Problem problem, BondCoverage bond, String pendingSettings) {
    return keeper(state, problem, bond, pendingSettings, SETTINGS, 0, List.of());
  }

  private static KeeperStatus keeper(
      KeeperState state,
      Problem problem,
      BondCoverage bond,
      String pendingSettings,
      LotterySettings settings,
      long inPool,
      List<SentTransaction> inFlight) {
    return new KeeperStatus(
        state,
        Optional.ofNullable(problem),
        4,
        Optional.of(RoundState.BETTING),
        "waiting for players",
        pendingSettings,
        Optional.of(bond),
        0,
        Optional.empty(),
        Optional.of(new ChainReading(ROUND, settings, BigInteger.TEN.pow(17), inPool)),
        inFlight);
  }

  private static LotteryRoundSpec spec(RoundsSpec rounds) {
    return new LotteryRoundSpec(
        new ChainSpec("ws://node", 31337L, null),
        new ContractSpec("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
        new SignerSpec(SignerType.LOCAL, new SecretKeyRef("operator-key", null), null),
        rounds,
        null,
        null);
  }
}
