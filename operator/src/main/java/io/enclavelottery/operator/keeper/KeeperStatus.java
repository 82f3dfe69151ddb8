package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.tx.SentTransaction;
import io.enclavelottery.operator.decision.BondCoverage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link RoundKeeper} stands, as status and the health answer show it. Equal statuses mean
 * nothing changed (the latest block is deliberately not part of it).
 *
 * @param state where the keeper stands
 * @param problem what stops it, when {@code state} is BLOCKED or UNREACHABLE
 * @param roundId the current round's number, -1 before the first look
 * @param roundState the current round's state, empty before the first look
 * @param plan what the keeper does or waits for, in words
 * @param pendingSettings settings held until the contract is next WAITING, in words; empty if none
 * @param bond whether the bond covers a round, empty before the first look
 * @param unrevealedRounds the contract's count of committed rounds never revealed
 * @param lastFailure the last failed transaction or error in words, kept after recovery
 * @param chain what the last look at the chain found, empty before the first
 * @param inFlight the keeper's transactions sent and not yet settled (no call data)
 */
public record KeeperStatus(
    KeeperState state,
    Optional<Problem> problem,
    long roundId,
    Optional<RoundState> roundState,
    String plan,
    String pendingSettings,
    Optional<BondCoverage> bond,
    long unrevealedRounds,
    Optional<String> lastFailure,
    Optional<ChainReading> chain,
    List<SentTransaction> inFlight) {

  public KeeperStatus {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(roundState, "roundState");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(pendingSettings, "pendingSettings");
    Objects.requireNonNull(bond, "bond");
    Objects.requireNonNull(lastFailure, "lastFailure");
    Objects.requireNonNull(chain, "chain");
    inFlight = List.copyOf(inFlight);
  }

  /** Before the first look at the chain. */
  public static KeeperStatus starting() {
    return new KeeperStatus(
        KeeperState.STARTING,
        Optional.empty(),
        -1,
        Optional.empty(),
        "starting",
        "",
        Optional.empty(),
        0,
        Optional.empty(),
        Optional.empty(),
        List.of());
  }

  /** This status with {@code newProblem}, in the state the problem puts a keeper in. */
  public KeeperStatus withProblem(Problem newProblem) {
    return new KeeperStatus(
        newProblem.state(),
        Optional.of(newProblem),
        roundId,
        roundState,
        newProblem.message(),
        pendingSettings,
        bond,
        unrevealedRounds,
        lastFailure,
        chain,
        inFlight);
  }

  KeeperStatus withLastFailure(String failure) {
    return new KeeperStatus(
        state,
        problem,
        roundId,
        roundState,
        plan,
        pendingSettings,
        bond,
        unrevealedRounds,
        Optional.of(failure),
        chain,
        inFlight);
  }

  KeeperStatus withInFlight(List<SentTransaction> transactions) {
    return new KeeperStatus(
        state,
        problem,
        roundId,
        roundState,
        plan,
        pendingSettings,
        bond,
        unrevealedRounds,
        lastFailure,
        chain,
        transactions);
  }

  KeeperStatus stopped() {
    return new KeeperStatus(
        KeeperState.STOPPED,
        Optional.empty(),
        roundId,
        roundState,
        "stopped",
        pendingSettings,
        bond,
        unrevealedRounds,
        lastFailure,
        chain,
        inFlight);
  }
}
