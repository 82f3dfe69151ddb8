package io.enclavelottery.operator.decision;

/** The plan that brings the contract's pause in line with the policy. */
final class PauseSync {

  private PauseSync() {}

  static Choice choice(boolean paused, Timeline timeline) {
    return timeline.act(
        new Action.SetPaused(paused),
        paused
            ? "the policy pauses the lottery: a running round finishes, no new one opens"
            : "the policy resumes the lottery: rounds open again");
  }
}
