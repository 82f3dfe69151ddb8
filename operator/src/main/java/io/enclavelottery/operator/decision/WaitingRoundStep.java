package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.contract.LotterySettings;
import java.util.List;

/**
 * Between rounds: bring the pause in line with the policy, then the settings (one per plan, in
 * {@link DesiredSettings#differencesFrom}'s order), then open a round if the policy starts them.
 * Pause comes first so that a paused policy never sees a round opened; settings come before the
 * start because they can change only now.
 */
final class WaitingRoundStep {

  private WaitingRoundStep() {}

  static Choice choose(Observation observation, Timeline timeline, List<SettingChange> changes) {
    RoundPolicy policy = observation.policy();
    LotterySettings chain = observation.settings();
    long roundId = observation.round().roundId();
    if (policy.paused() != chain.paused()) {
      return PauseSync.choice(policy.paused(), timeline);
    }
    if (!changes.isEmpty()) {
      SettingChange first = changes.get(0);
      return timeline.act(
          new Action.UpdateSetting(first.desired()),
          "applying " + first.describe() + " while the contract is WAITING");
    }
    if (chain.paused()) {
      return timeline.idle("the lottery is paused: round " + roundId + " does not open");
    }
    if (!policy.autoStart()) {
      return timeline.idle("waiting for a bet to open round " + roundId + " (autoStart is off)");
    }
    BondCoverage coverage = BondCoverage.of(chain);
    if (!coverage.sufficient()) {
      return timeline.idle("round " + roundId + " is not started: " + coverage.describe());
    }
    return timeline.act(new Action.StartRound(), "autoStart: opening round " + roundId);
  }
}
