package io.enclavelottery.operator.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.RoundState;
import org.junit.jupiter.api.Test;

/** What a plan tells status: the settings held back, and in what words. */
class PlanTest {

  @Test
  void holdsEverySettingPendingWhileARoundRuns() {
    Scenario scenario = new Scenario();
    scenario.newMinBet = true;
    scenario.newMinParticipants = true;
    scenario.players = 1;
    scenario.now = Scenario.END.minusSeconds(60);

    Plan plan = scenario.plan();

    assertThat(plan.idle()).isTrue();
    assertThat(plan.pendingSettings())
        .extracting(change -> change.desired().name())
        .containsExactly("minBetAmount", "minParticipants");
    assertThat(plan.describePendingSettings())
        .isEqualTo("minBetAmount 0.001 ETH -> 0.002 ETH, minParticipants 2 -> 3");
  }

  @Test
  void appliesOneSettingPerPlanInAFixedOrderWhileWaiting() {
    Scenario scenario = new Scenario();
    scenario.state = RoundState.WAITING;
    scenario.autoStart = true;
    scenario.newMinBet = true;
    scenario.newDuration = true;
    scenario.newMinParticipants = true;

    Plan plan = scenario.plan();

    assertThat(plan.action())
        .isEqualTo(new Action.UpdateSetting(new Setting.MinBetAmount(Scenario.DESIRED_MIN_BET)));
    assertThat(plan.action().function()).isEqualTo("updateMinBetAmount");
    assertThat(plan.describePendingSettings())
        .isEqualTo("bettingDuration 120 s -> 300 s, minParticipants 2 -> 3");
  }

  @Test
  void saysNothingIsPendingWhenTheChainHasThePolicysSettings() {
    Scenario scenario = new Scenario();
    scenario.players = 2;

    Plan plan = scenario.plan();

    assertThat(plan.pendingSettings()).isEmpty();
    assertThat(plan.describePendingSettings()).isEmpty();
  }
}
