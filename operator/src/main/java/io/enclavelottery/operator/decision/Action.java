package io.enclavelottery.operator.decision;

import java.time.Instant;
import java.util.Objects;

/**
 * What the controller does next: one contract call, or nothing. Each record carries exactly the
 * arguments its call needs, plus the round it is meant for so that the caller's precondition can
 * check, right before sending, that the chain is still on that round. Why the action was chosen is
 * {@link Plan#reason()}.
 */
public sealed interface Action {

  /** The contract function this action calls, for logs and metrics; {@code "none"} for none. */
  String function();

  /** Whether this action sends a transaction. */
  default boolean sendsTransaction() {
    return !(this instanceof None);
  }

  /** Nothing to send now. */
  record None() implements Action {
    @Override
    public String function() {
      return "none";
    }
  }

  /** {@code startRound()}: open the WAITING round without a bet. */
  record StartRound() implements Action {
    @Override
    public String function() {
      return "startRound";
    }
  }

  /**
   * {@code commitSeed(commitment, endTime)} for the round; the caller derives the commitment from
   * the round's seed.
   *
   * @param roundId the round to commit for
   * @param endTime the round's current end, which the contract requires verbatim
   */
  record CommitSeed(long roundId, Instant endTime) implements Action {
    public CommitSeed {
      Objects.requireNonNull(endTime, "endTime");
    }

    @Override
    public String function() {
      return "commitSeed";
    }
  }

  /**
   * {@code extendBettingTime(newEndTime)}.
   *
   * @param roundId the round to extend
   * @param newEndTime the new end of betting, whole seconds
   */
  record ExtendBetting(long roundId, Instant newEndTime) implements Action {
    public ExtendBetting {
      Objects.requireNonNull(newEndTime, "newEndTime");
    }

    @Override
    public String function() {
      return "extendBettingTime";
    }
  }

  /**
   * {@code drawWinner(seed)}: reveal the round's seed; the caller fetches the seed.
   *
   * @param roundId the round to draw
   */
  record Draw(long roundId) implements Action {
    @Override
    public String function() {
      return "drawWinner";
    }
  }

  /**
   * {@code refundExpiredRound()}: refund a round that can no longer be drawn (no commitment by
   * {@code endTime}, or no reveal by {@code maxDrawTime}).
   *
   * @param roundId the round to refund
   */
  record RefundExpiredRound(long roundId) implements Action {
    @Override
    public String function() {
      return "refundExpiredRound";
    }
  }

  /**
   * {@code setPaused(paused)}.
   *
   * @param paused whether new rounds are to be refused
   */
  record SetPaused(boolean paused) implements Action {
    @Override
    public String function() {
      return "setPaused";
    }
  }

  /**
   * One {@code updateX(value)} call; only planned while the contract is WAITING.
   *
   * @param setting the setting with its new value
   */
  record UpdateSetting(Setting setting) implements Action {
    public UpdateSetting {
      Objects.requireNonNull(setting, "setting");
    }

    @Override
    public String function() {
      return setting.function();
    }
  }
}
