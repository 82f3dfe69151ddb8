package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.tx.Payload;
import io.enclavelottery.chain.tx.Precondition;
import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.chain.tx.TransactionSender;
import io.enclavelottery.operator.decision.Action;
import io.enclavelottery.operator.decision.Setting;
import java.util.Objects;

/**
 * Turns a planned {@link Action} into the transaction that carries it out and the precondition the
 * sender checks right before sending (and before any replacement): a fresh read of the round, so
 * nothing is sent that the chain no longer needs — after a restart, a reorganisation or someone
 * else's transaction.
 */
final class ActionCalls {

  /**
   * A transaction ready for the sender.
   *
   * @param transaction what to send
   * @param precondition whether the chain still needs it
   */
  record Prepared(Payload transaction, Precondition precondition) {

    Prepared(ContractCall call, Precondition precondition) {
      this(new Payload.Call(call), precondition);
    }

    SendResult sendWith(TransactionSender sender) {
      return sender.send(transaction, precondition);
    }
  }

  private final LotteryContract contract;
  private final SeedSource seeds;

  ActionCalls(LotteryContract contract, SeedSource seeds) {
    this.contract = Objects.requireNonNull(contract, "contract");
    this.seeds = Objects.requireNonNull(seeds, "seeds");
  }

  /**
   * The call for {@code action}, planned while the current round was {@code observedRoundId}.
   *
   * @throws IllegalArgumentException for {@link Action.None}
   */
  Prepared prepare(Action action, long observedRoundId) {
    if (action instanceof Action.StartRound) {
      return new Prepared(
          contract.startRound(), () -> isCurrent(observedRoundId, RoundState.WAITING));
    }
    if (action instanceof Action.CommitSeed commit) {
      return new Prepared(
          seeds.commit(commit.roundId(), commit.endTime()),
          () -> {
            Round round = contract.round();
            return isBetting(round, commit.roundId())
                && !round.seedCommitted()
                && round.endTime().equals(commit.endTime());
          });
    }
    if (action instanceof Action.ExtendBetting extend) {
      return new Prepared(
          contract.extendBettingTime(extend.newEndTime()),
          () -> {
            Round round = contract.round();
            return isBetting(round, extend.roundId())
                && round.endTime().isBefore(extend.newEndTime());
          });
    }
    if (action instanceof Action.Draw draw) {
      return new Prepared(
          seeds.draw(draw.roundId()),
          () -> {
            Round round = contract.round();
            return isBetting(round, draw.roundId()) && round.seedCommitted();
          });
    }
    if (action instanceof Action.RefundExpiredRound refund) {
      return new Prepared(
          contract.refundExpiredRound(), () -> isBetting(contract.round(), refund.roundId()));
    }
    if (action instanceof Action.SetPaused pause) {
      return new Prepared(
          contract.setPaused(pause.paused()), () -> contract.settings().paused() != pause.paused());
    }
    if (action instanceof Action.UpdateSetting update) {
      return new Prepared(
          updateCall(update.setting()),
          () ->
              isCurrent(observedRoundId, RoundState.WAITING)
                  && !holds(contract.settings(), update.setting()));
    }
    throw new IllegalArgumentException("no call carries out " + action.function());
  }

  private boolean isCurrent(long roundId, RoundState state) {
    Round round = contract.round();
    return round.roundId() == roundId && round.state() == state;
  }

  private static boolean isBetting(Round round, long roundId) {
    return round.roundId() == roundId && round.state() == RoundState.BETTING;
  }

  private ContractCall updateCall(Setting setting) {
    if (setting instanceof Setting.MinBetAmount minBet) {
      return contract.updateMinBetAmount(minBet.wei());
    }
    if (setting instanceof Setting.BettingDuration duration) {
      return contract.updateBettingDuration(duration.duration());
    }
    if (setting instanceof Setting.MinParticipants participants) {
      return contract.updateMinParticipants(participants.count());
    }
    throw new IllegalArgumentException("no call changes " + setting.name());
  }

  /** Whether the chain already holds {@code setting}'s value. */
  static boolean holds(LotterySettings chain, Setting setting) {
    if (setting instanceof Setting.MinBetAmount minBet) {
      return chain.minBetAmount().compareTo(minBet.wei()) == 0;
    }
    if (setting instanceof Setting.BettingDuration duration) {
      return chain.bettingDuration().equals(duration.duration());
    }
    if (setting instanceof Setting.MinParticipants participants) {
      return chain.minParticipants() == participants.count();
    }
    return false;
  }
}
