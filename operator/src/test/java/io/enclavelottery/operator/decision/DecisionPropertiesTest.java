package io.enclavelottery.operator.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.RoundState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Properties that hold for every observation, checked over many generated ones: the plan never
 * sends a call the contract would reject, keeps the policy's promises, always wakes up in the
 * future, never sleeps through a moment when it would act, and always ends a running round.
 */
class DecisionPropertiesTest {

  private static final int MANY = 200_000;
  private static final int SCANNED = 20_000;

  @Test
  void neverSendsACallTheContractWouldReject() {
    RandomScenarios.draw(1, MANY)
        .forEach(
            scenario -> {
              Observation observation = scenario.observation();
              Plan plan = Decision.next(observation);
              assertThat(ContractRules.rejection(observation, plan.action()))
                  .as("%s for %s", plan, observation)
                  .isEmpty();
            });
  }

  @Test
  void keepsThePolicysPromises() {
    RandomScenarios.draw(2, MANY)
        .forEach(
            scenario -> {
              Observation observation = scenario.observation();
              Plan plan = Decision.next(observation);
              assertThat(brokenPromise(observation, plan))
                  .as("%s for %s", plan, observation)
                  .isEmpty();
            });
  }

  @Test
  void wakesUpAfterNowAndWithinTheRecheckInterval() {
    RandomScenarios.draw(3, MANY)
        .forEach(
            scenario -> {
              Observation observation = scenario.observation();
              Plan plan = Decision.next(observation);
              DecisionTiming timing = observation.policy().timing();
              assertThat(plan.recheckAt())
                  .as("%s for %s", plan, observation)
                  .isAfter(observation.now())
                  .isBeforeOrEqualTo(observation.now().plus(timing.recheckInterval()));
              if (!plan.idle()) {
                assertThat(plan.recheckAt()).isEqualTo(observation.now().plus(timing.blockTime()));
              }
            });
  }

  @Test
  void neverSleepsThroughAMomentItWouldAct() {
    RandomScenarios.draw(4, SCANNED)
        .forEach(
            scenario -> {
              Plan plan = scenario.plan();
              if (!plan.idle()) {
                return;
              }
              Instant asleepFrom = scenario.now;
              for (Instant at = asleepFrom.plusSeconds(1);
                  at.isBefore(plan.recheckAt());
                  at = at.plusSeconds(1)) {
                scenario.now = at;
                assertThat(scenario.plan().action())
                    .as(
                        "at %s, asleep since %s until %s: %s",
                        at, asleepFrom, plan.recheckAt(), plan)
                    .isInstanceOf(Action.None.class);
              }
            });
  }

  @Test
  void alwaysEndsARunningRoundByItsMaxDrawTime() {
    RandomScenarios.draw(5, SCANNED)
        .filter(scenario -> scenario.state == RoundState.BETTING && !scenario.broke)
        .forEach(
            scenario -> {
              scenario.pendingAge = Optional.empty();
              scenario.paused = scenario.chainPaused;
              Instant start = scenario.now;
              Plan plan = scenario.plan();
              while (plan.idle()) {
                scenario.now = plan.recheckAt();
                plan = scenario.plan();
              }
              assertThat(plan.action())
                  .as("first action at %s", scenario.now)
                  .isInstanceOfAny(
                      Action.CommitSeed.class,
                      Action.ExtendBetting.class,
                      Action.Draw.class,
                      Action.RefundExpiredRound.class);
              if (start.isBefore(Scenario.MAX_DRAW)) {
                assertThat(scenario.now).isBeforeOrEqualTo(Scenario.MAX_DRAW);
              } else {
                assertThat(scenario.now).isEqualTo(start);
              }
            });
  }

  @Test
  void holdsBackExactlyTheSettingsItDoesNotApply() {
    RandomScenarios.draw(6, MANY / 10)
        .forEach(
            scenario -> {
              Observation observation = scenario.observation();
              Plan plan = Decision.next(observation);
              List<SettingChange> all =
                  observation.policy().desired().differencesFrom(observation.settings());
              if (plan.action() instanceof Action.UpdateSetting update) {
                assertThat(all.get(0).desired()).isEqualTo(update.setting());
                assertThat(plan.pendingSettings()).isEqualTo(all.subList(1, all.size()));
              } else {
                assertThat(plan.pendingSettings()).isEqualTo(all);
              }
            });
  }

  /** The controller's own rules, beyond the contract's: what the policy and the facts allow. */
  private static Optional<String> brokenPromise(Observation observation, Plan plan) {
    Action action = plan.action();
    if (!action.sendsTransaction()) {
      return Optional.empty();
    }
    RoundPolicy policy = observation.policy();
    boolean freshPending =
        observation
            .pending()
            .filter(
                p -> observation.now().isBefore(p.sentAt().plus(policy.timing().pendingTimeout())))
            .isPresent();
    if (freshPending) {
      return Optional.of("sent while a transaction is pending");
    }
    if (!observation.balance().coversTransaction()) {
      return Optional.of("sent without the balance to pay for it");
    }
    long players = observation.round().participantCount();
    long needed = observation.settings().minParticipants();
    if (action instanceof Action.StartRound
        && (!policy.autoStart()
            || policy.paused()
            || !BondCoverage.of(observation.settings()).sufficient())) {
      return Optional.of("started a round the policy or the bond does not allow");
    }
    if (action instanceof Action.SetPaused pause
        && (pause.paused() != policy.paused()
            || pause.paused() == observation.settings().paused())) {
      return Optional.of("a pause that is not the policy's or changes nothing");
    }
    if (action instanceof Action.UpdateSetting update
        && policy.desired().differencesFrom(observation.settings()).stream()
            .noneMatch(change -> change.desired().equals(update.setting()))) {
      return Optional.of("a setting the policy does not ask for, or already on chain");
    }
    if (action instanceof Action.CommitSeed
        && (observation.seed() != SeedAvailability.AVAILABLE || players < needed)) {
      return Optional.of("committed without a seed or before minParticipants");
    }
    if (action instanceof Action.Draw && observation.seed() != SeedAvailability.AVAILABLE) {
      return Optional.of("drew without the seed");
    }
    if (action instanceof Action.ExtendBetting
        && (!policy.extendWhenShort()
            || observation.round().seedCommitted()
            || players >= needed)) {
      return Optional.of("extended a round that is committed, full, or not to be extended");
    }
    return Optional.empty();
  }
}
