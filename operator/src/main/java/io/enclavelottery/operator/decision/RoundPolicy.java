package io.enclavelottery.operator.decision;

import java.util.Objects;

/**
 * What the LotteryRound's spec (or standalone mode's environment) asks of the contract.
 *
 * @param autoStart open a round as soon as the contract is WAITING (otherwise the first bet does)
 * @param paused keep the contract paused: the running round finishes, no new one opens
 * @param extendWhenShort extend betting, within the contract's cap, when a round has fewer players
 *     than {@code minParticipants} near its end
 * @param desired the settings to hold on chain, applied while the contract is WAITING
 * @param timing the timing knobs
 */
public record RoundPolicy(
    boolean autoStart,
    boolean paused,
    boolean extendWhenShort,
    DesiredSettings desired,
    DecisionTiming timing) {

  public RoundPolicy {
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(timing, "timing");
  }
}
