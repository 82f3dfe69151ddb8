package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryPhase;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.RoundOutcome;
import io.enclavelottery.crd.RoundResult;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.decision.BondCoverage;
import io.enclavelottery.operator.keeper.KeeperState;
import io.enclavelottery.operator.keeper.KeeperStatus;
import io.enclavelottery.operator.keeper.Problem;
import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LotteryStatusesTest {

  private static final String OPERATOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final BondCoverage COVERED =
      new BondCoverage(true, BigInteger.TEN.pow(16), BigInteger.TEN.pow(18));
  private static final LotteryRoundSpec SPEC = spec(RoundsSpec.DEFAULTS);

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
    assertThat(status.round().id()).isEqualTo(4L);
    assertThat(status.round().state()).isEqualTo(io.enclavelottery.crd.RoundState.BETTING);
    assertThat(status.operatorAddress()).isEqualTo(OPERATOR);
    assertThat(status.maxPot()).isEqualTo("1");
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
    LotteryRoundStatus status =
        status(SPEC, keeper(KeeperState.RUNNING, null, COVERED, "minBetAmount to 2 gwei"));

    LotteryCondition settings = condition(status, ConditionType.SETTINGS_IN_SYNC);
    assertThat(settings.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(settings.reason()).isEqualTo("HeldForRound");
    assertThat(settings.message()).isEqualTo("minBetAmount to 2 gwei");
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
  void theLastResultIsKeptUntilTheKeeperEndsAnotherRound() {
    RoundResult earlier =
        new RoundResult(3L, RoundOutcome.REFUNDED, null, null, null, "too few", null, null);
    LotteryRoundStatus previous =
        new LotteryRoundStatus(
            null, null, null, null, null, null, null, null, null, null, null, earlier, null, null,
            null, null, null);
    KeeperStatus running = keeper(KeeperState.RUNNING, null, COVERED, "");

    assertThat(
            LotteryStatuses.running(SPEC, running, OPERATOR, 10, Optional.empty(), previous)
                .lastResult())
        .isEqualTo(earlier);
    RoundResult drawn =
        new RoundResult(4L, RoundOutcome.DRAWN, OPERATOR, "0.029", "0.03", null, null, null);
    assertThat(
            LotteryStatuses.running(SPEC, running, OPERATOR, 10, Optional.of(drawn), previous)
                .lastResult())
        .isEqualTo(drawn);
  }

  private static LotteryRoundStatus status(LotteryRoundSpec spec, KeeperStatus keeper) {
    return LotteryStatuses.running(spec, keeper, OPERATOR, 100, Optional.empty(), null);
  }

  private static LotteryCondition condition(LotteryRoundStatus status, ConditionType type) {
    return status.condition(type).orElseThrow();
  }

  private static KeeperStatus keeper(
      KeeperState state, Problem problem, BondCoverage bond, String pendingSettings) {
    return new KeeperStatus(
        state,
        Optional.ofNullable(problem),
        4,
        Optional.of(RoundState.BETTING),
        "waiting for players",
        pendingSettings,
        Optional.of(bond),
        0,
        Optional.empty());
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
