package io.enclavelottery.operator.reconciler;

import io.enclavelottery.chain.Ether;
import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryPhase;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.RoundResult;
import io.enclavelottery.operator.decision.BondCoverage;
import io.enclavelottery.operator.keeper.ChainReading;
import io.enclavelottery.operator.keeper.KeeperState;
import io.enclavelottery.operator.keeper.KeeperStatus;
import io.enclavelottery.operator.keeper.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The status a LotteryRound should have: from its keeper's state while one runs, or saying why none
 * runs (a bad spec, no key, another LotteryRound runs the contract). What the chain showed before
 * (the round, the last result) is kept when no keeper looks at it now.
 */
final class LotteryStatuses {

  /** The conditions every status carries, in this order (the frontend's is not reported yet). */
  private static final List<ConditionType> REPORTED =
      List.of(
          ConditionType.READY,
          ConditionType.SIGNER_READY,
          ConditionType.CHAIN_REACHABLE,
          ConditionType.CONTRACT_VERIFIED,
          ConditionType.OPERATOR_AUTHORIZED,
          ConditionType.SETTINGS_IN_SYNC,
          ConditionType.BOND_SUFFICIENT);

  private LotteryStatuses() {}

  /** Nothing runs: {@code reason} and {@code message} say why, on {@code type} and Ready. */
  static LotteryRoundStatus notRunning(
      LotteryRoundStatus previous,
      LotteryPhase phase,
      ConditionType type,
      String reason,
      String message) {
    List<LotteryCondition> conditions = new ArrayList<>();
    conditions.add(condition(ConditionType.READY, ConditionStatus.FALSE, reason, message));
    if (type != ConditionType.READY) {
      conditions.add(condition(type, ConditionStatus.FALSE, reason, message));
    }
    return new LotteryRoundStatus(
        null,
        phase,
        everyCondition(conditions, "nothing is checked until " + reason + " is resolved"),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        previous == null ? null : previous.unrevealedRounds(),
        previous == null ? null : previous.round(),
        previous == null ? null : previous.lastResult(),
        previous == null ? null : previous.history(),
        null,
        null,
        null,
        phase == LotteryPhase.STANDBY ? null : message);
  }

  /** What the keeper of a LotteryRound reports. */
  static LotteryRoundStatus running(
      LotteryRoundSpec spec,
      KeeperStatus keeper,
      SignerReport signer,
      long latestBlock,
      Optional<RoundResult> lastResult,
      LotteryRoundStatus previous) {
    List<LotteryCondition> conditions = new ArrayList<>();
    conditions.add(signer.ready());
    conditions.addAll(chainConditions(keeper));
    conditions.add(settingsInSync(keeper));
    keeper.bond().map(LotteryStatuses::bondSufficient).ifPresent(conditions::add);
    conditions.add(0, ready(keeper));
    conditions = everyCondition(conditions, keeper.plan());
    Optional<RoundResult> result =
        lastResult.or(() -> Optional.ofNullable(previous).map(LotteryRoundStatus::lastResult));
    Optional<ChainReading> chain = keeper.chain();
    return new LotteryRoundStatus(
        null,
        phase(keeper, chain),
        conditions,
        spec.chain().chainId(),
        latestBlock < 0 ? null : latestBlock,
        signer.operatorAddress(),
        signer.attestation(),
        chain.map(c -> Ether.of(c.operatorBalance())).orElse(null),
        chain.map(c -> Ether.of(c.settings().operatorBond())).orElse(null),
        keeper.bond().map(b -> Ether.of(b.maxPot())).orElse(null),
        keeper.state() == KeeperState.STARTING ? null : keeper.unrevealedRounds(),
        chain
            .map(c -> StatusParts.round(c.round()))
            .orElse(previous == null ? null : previous.round()),
        result.orElse(null),
        StatusParts.history(result, previous == null ? List.of() : previous.history()),
        StatusParts.pendingTransaction(keeper.inFlight(), chain, previous).orElse(null),
        keeper.pendingSettings().isEmpty()
            ? null
            : chain
                .flatMap(c -> StatusParts.pendingSettings(spec.rounds(), c.settings()))
                .orElse(null),
        null,
        keeper.problem().map(Problem::message).or(keeper::lastFailure).orElse(null));
  }

  private static LotteryCondition ready(KeeperStatus keeper) {
    if (keeper.problem().isPresent()) {
      Problem problem = keeper.problem().get();
      return condition(
          ConditionType.READY, ConditionStatus.FALSE, problem.kind().reason(), problem.message());
    }
    if (keeper.state() != KeeperState.RUNNING) {
      return condition(ConditionType.READY, ConditionStatus.UNKNOWN, "Starting", keeper.plan());
    }
    if (keeper.bond().filter(b -> !b.sufficient()).isPresent()) {
      return condition(
          ConditionType.READY,
          ConditionStatus.FALSE,
          "BondTooSmall",
          keeper.bond().get().describe());
    }
    return condition(ConditionType.READY, ConditionStatus.TRUE, "Running", keeper.plan());
  }

  /** ChainReachable, ContractVerified and OperatorAuthorized: those before a problem hold. */
  private static List<LotteryCondition> chainConditions(KeeperStatus keeper) {
    List<ConditionType> checks =
        List.of(
            ConditionType.CHAIN_REACHABLE,
            ConditionType.CONTRACT_VERIFIED,
            ConditionType.OPERATOR_AUTHORIZED);
    List<LotteryCondition> conditions = new ArrayList<>();
    Optional<Problem> problem = keeper.problem();
    int failed = problem.map(p -> checks.indexOf(checkOf(p.kind()))).orElse(-1);
    for (int i = 0; i < checks.size(); i++) {
      if (keeper.state() == KeeperState.STARTING || (failed >= 0 && i > failed)) {
        conditions.add(
            condition(checks.get(i), ConditionStatus.UNKNOWN, "NotChecked", keeper.plan()));
      } else if (i == failed) {
        conditions.add(
            condition(
                checks.get(i),
                ConditionStatus.FALSE,
                problem.get().kind().reason(),
                problem.get().message()));
      } else {
        conditions.add(condition(checks.get(i), ConditionStatus.TRUE, "Checked", ""));
      }
    }
    return conditions;
  }

  private static ConditionType checkOf(Problem.Kind kind) {
    return switch (kind) {
      case RPC_UNREACHABLE, CHAIN_ID_MISMATCH -> ConditionType.CHAIN_REACHABLE;
      case NO_CONTRACT -> ConditionType.CONTRACT_VERIFIED;
      case NOT_OPERATOR, BALANCE_TOO_LOW -> ConditionType.OPERATOR_AUTHORIZED;
      case SIGNER_NOT_ATTESTED -> ConditionType.SIGNER_READY;
      case INTERNAL_ERROR -> ConditionType.READY;
    };
  }

  private static LotteryCondition settingsInSync(KeeperStatus keeper) {
    if (!keeper.pendingSettings().isEmpty()) {
      return condition(
          ConditionType.SETTINGS_IN_SYNC,
          ConditionStatus.FALSE,
          "HeldForRound",
          "round "
              + keeper.roundId()
              + " is running and the contract changes settings only between rounds: "
              + keeper.pendingSettings()
              + " will be applied when it ends");
    }
    return condition(ConditionType.SETTINGS_IN_SYNC, ConditionStatus.TRUE, "InSync", "");
  }

  private static LotteryCondition bondSufficient(BondCoverage bond) {
    return condition(
        ConditionType.BOND_SUFFICIENT,
        bond.sufficient() ? ConditionStatus.TRUE : ConditionStatus.FALSE,
        bond.sufficient() ? "Covered" : "BondTooSmall",
        bond.describe());
  }

  private static LotteryPhase phase(KeeperStatus keeper, Optional<ChainReading> chain) {
    return switch (keeper.state()) {
      case RUNNING ->
          chain.filter(c -> c.settings().paused()).isPresent()
              ? LotteryPhase.PAUSED
              : LotteryPhase.RUNNING;
      case BLOCKED -> LotteryPhase.BLOCKED;
      case UNREACHABLE -> LotteryPhase.UNAVAILABLE;
      case STARTING, STOPPED -> LotteryPhase.PENDING;
    };
  }

  /**
   * {@code known} and, Unknown, every other condition the controller sets, in one fixed order: the
   * list keeps its shape from one status to the next, so a patch computed against an older copy of
   * the resource (non-SSA status patches are JSON patches by index) still applies.
   */
  private static List<LotteryCondition> everyCondition(
      List<LotteryCondition> known, String notCheckedMessage) {
    return REPORTED.stream()
        .map(
            type ->
                known.stream()
                    .filter(c -> c.type() == type)
                    .findFirst()
                    .orElseGet(
                        () ->
                            condition(
                                type, ConditionStatus.UNKNOWN, "NotChecked", notCheckedMessage)))
        .toList();
  }

  private static LotteryCondition condition(
      ConditionType type, ConditionStatus status, String reason, String message) {
    return new LotteryCondition(type, status, reason, message, null, null);
  }
}
