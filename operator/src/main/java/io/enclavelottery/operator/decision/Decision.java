package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.Ether;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The controller's decision: from what is on chain, the policy and the time, the one call to send
 * next and when to look again. A pure function: no I/O, no clock, the same plan for the same
 * observation.
 *
 * <p>Rules that hold in every state:
 *
 * <ul>
 *   <li>While a transaction of this controller is pending, nothing else is sent, until its outcome
 *       is known or it is older than {@link DecisionTiming#pendingTimeout()}. A stale one is
 *       ignored and the decision starts afresh from the chain: if it landed, the chain shows it; if
 *       it lands later, a repeat of it reverts harmlessly (every planned call is rejected by the
 *       contract once done: a second start, commit, draw or refund by the state check, a second
 *       extension to the same end as too short) or changes nothing (pause, settings).
 *   <li>Every plan is checked against the contract's rules at the moment its transaction should
 *       execute ({@code now + blockTime}); a call the contract would reject is never planned.
 *   <li>No transaction is planned when the operator's balance does not cover one.
 * </ul>
 *
 * <p>Per state: {@code WAITING} → {@link WaitingRoundStep}; {@code BETTING} → {@link
 * BettingRoundStep}; {@code DRAWING}, {@code COMPLETED} and {@code REFUNDED} are never the current
 * round between transactions (the contract opens the next WAITING round in the same transaction),
 * so seeing one means a read in the middle of something odd: send nothing and read again next
 * block.
 */
public final class Decision {

  private Decision() {}

  /** The plan for this observation. */
  public static Plan next(Observation observation) {
    Timeline timeline = new Timeline(observation.now(), observation.policy().timing());
    List<SettingChange> changes =
        observation.policy().desired().differencesFrom(observation.settings());
    Choice choice = guarded(observation, timeline, changes);
    return new Plan(
        choice.action(), choice.reason(), choice.recheckAt(), remaining(changes, choice.action()));
  }

  private static Choice guarded(
      Observation observation, Timeline timeline, List<SettingChange> changes) {
    String staleNote = "";
    Optional<PendingTransaction> pending = observation.pending();
    if (pending.isPresent()) {
      PendingTransaction transaction = pending.get();
      Instant staleAt = transaction.sentAt().plus(observation.policy().timing().pendingTimeout());
      String sent =
          "%s sent at %s".formatted(transaction.action().function(), transaction.sentAt());
      if (!timeline.reached(staleAt)) {
        return timeline.idle("waiting for the outcome of " + sent, staleAt);
      }
      staleNote = sent + " has had no outcome since; deciding afresh from the chain: ";
    }
    Choice choice = byState(observation, timeline, changes);
    OperatorBalance balance = observation.balance();
    if (choice.action().sendsTransaction() && !balance.coversTransaction()) {
      return timeline.idle(
          staleNote
              + "would send %s (%s) but the operator's balance of %s is below the estimated cost"
                  .formatted(
                      choice.action().function(), choice.reason(), Ether.text(balance.balance()))
              + " of a transaction, %s".formatted(Ether.text(balance.transactionCost())));
    }
    return new Choice(choice.action(), staleNote + choice.reason(), choice.recheckAt());
  }

  private static Choice byState(
      Observation observation, Timeline timeline, List<SettingChange> changes) {
    return switch (observation.round().state()) {
      case WAITING -> WaitingRoundStep.choose(observation, timeline, changes);
      case BETTING -> BettingRoundStep.choose(observation, timeline);
      case DRAWING, COMPLETED, REFUNDED ->
          timeline.idle(
              ("round %d reads as %s, a state the contract never leaves a round in between"
                      + " transactions; reading again next block")
                  .formatted(observation.round().roundId(), observation.round().state()),
              timeline.now().plus(observation.policy().timing().blockTime()));
    };
  }

  /** The changes this plan's action does not apply. */
  private static List<SettingChange> remaining(List<SettingChange> changes, Action action) {
    if (action instanceof Action.UpdateSetting update) {
      return changes.stream().filter(change -> !change.desired().equals(update.setting())).toList();
    }
    return changes;
  }
}
