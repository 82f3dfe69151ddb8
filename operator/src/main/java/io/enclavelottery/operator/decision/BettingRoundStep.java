package io.enclavelottery.operator.decision;

/**
 * A round is running: its own deadlines come first ({@link UncommittedRoundStep} before the
 * commitment, {@link CommittedRoundStep} after it); when the round needs nothing now, the pause is
 * brought in line with the policy (the running round finishes either way).
 */
final class BettingRoundStep {

  private BettingRoundStep() {}

  static Choice choose(Observation observation, Timeline timeline) {
    Choice forRound =
        observation.round().seedCommitted()
            ? CommittedRoundStep.choose(observation, timeline)
            : UncommittedRoundStep.choose(observation, timeline);
    boolean paused = observation.policy().paused();
    if (forRound.action() instanceof Action.None && paused != observation.settings().paused()) {
      return PauseSync.choice(paused, timeline);
    }
    return forRound;
  }
}
