package io.enclavelottery.frontend.view;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What an {@link ActivityItem} reports; its wire name is the lower-case constant. */
public enum ActivityKind {
  /** A round opened for betting ({@code RoundCreated} with times set). */
  ROUND_STARTED,
  /** A player bet ({@code BetPlaced}). */
  BET,
  /** The operator committed the round's seed ({@code SeedCommitted}). */
  SEED_COMMITTED,
  /** The operator moved the end of betting ({@code EndTimeExtended}). */
  BETTING_EXTENDED,
  /** The seed was revealed and the winner drawn ({@code RoundCompleted}). */
  ROUND_COMPLETED,
  /**
   * The winner's wallet did not take the prize when it was sent, so it waits in the contract for
   * them to withdraw ({@code PrizeCredited}).
   */
  PRIZE_CREDITED,
  /** The round was refunded ({@code RoundRefunded}). */
  ROUND_REFUNDED,
  /** A player took the refund of a refunded round ({@code RefundClaimed}). */
  REFUND_CLAIMED,
  /**
   * Someone took what the contract owed them: a credited prize, commission, bond ({@code
   * Withdrawn}).
   */
  WITHDRAWN,
  /** A committed round expired without a reveal; the penalty was taken ({@code RevealWithheld}). */
  REVEAL_WITHHELD,
  /** An operator setting changed (the settings events). */
  SETTINGS_CHANGED,
  /** The operator changed, or a change was proposed. */
  OPERATOR_CHANGED,
  /** New rounds were paused or resumed ({@code PausedSet}). */
  PAUSE_CHANGED;

  /** The name on the wire: {@code round_started}, {@code bet}, … */
  @JsonValue
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
