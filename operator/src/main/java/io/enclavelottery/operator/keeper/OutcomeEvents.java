package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.chain.contract.ContractCallException;
import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.operator.decision.Action;
import java.time.Duration;
import java.util.Objects;

/**
 * Says what a mined transaction did, as a {@link KeeperEvent}: reads the round it changed (and, for
 * a draw, the block's time, so the draw's delay after its window opened is known).
 */
final class OutcomeEvents {

  private final LotteryContract contract;
  private final ChainView chain;

  OutcomeEvents(LotteryContract contract, ChainView chain) {
    this.contract = Objects.requireNonNull(contract, "contract");
    this.chain = Objects.requireNonNull(chain, "chain");
  }

  /**
   * The event for {@code action}, planned on round {@code roundId} and mined as {@code mined}.
   *
   * @throws RpcException when the node cannot be asked
   * @throws ContractCallException when the round cannot be read back
   */
  KeeperEvent of(Action action, long roundId, SendResult.Mined mined) {
    if (action instanceof Action.StartRound) {
      Round round = contract.roundById(roundId);
      return new KeeperEvent.RoundStarted(round.roundId(), round.endTime());
    }
    if (action instanceof Action.CommitSeed commit) {
      return new KeeperEvent.SeedCommitted(commit.roundId(), commit.endTime());
    }
    if (action instanceof Action.ExtendBetting extend) {
      return new KeeperEvent.BettingExtended(extend.roundId(), extend.newEndTime());
    }
    if (action instanceof Action.Draw draw) {
      return drawn(draw.roundId(), mined);
    }
    if (action instanceof Action.RefundExpiredRound refund) {
      String why =
          contract.roundById(refund.roundId()).seedCommitted()
              ? "its seed was not revealed by the end of the draw window"
              : "no seed was committed by the end of betting";
      return new KeeperEvent.RoundRefunded(refund.roundId(), why, endedBy(mined));
    }
    if (action instanceof Action.SetPaused pause) {
      return new KeeperEvent.SettingsUpdated(
          pause.paused() ? "paused: no new round opens" : "unpaused: new rounds may open");
    }
    if (action instanceof Action.UpdateSetting update) {
      return new KeeperEvent.SettingsUpdated(
          update.setting().name() + " set to " + update.setting().describeValue());
    }
    throw new IllegalArgumentException("no event for " + action.function());
  }

  private KeeperEvent drawn(long roundId, SendResult.Mined mined) {
    Round round = contract.roundById(roundId);
    KeeperEvent.EndedBy ended = endedBy(mined);
    if (round.state() != RoundState.COMPLETED) {
      return new KeeperEvent.RoundRefunded(
          roundId, "fewer than minParticipants players at the draw; every bet is refunded", ended);
    }
    return new KeeperEvent.WinnerDrawn(
        roundId,
        round.winner(),
        round.winnerPrize(),
        round.totalPot(),
        ended,
        Duration.between(round.minDrawTime(), ended.at()));
  }

  /** The mined transaction that ended a round, with its block's time. */
  private KeeperEvent.EndedBy endedBy(SendResult.Mined mined) {
    long block = mined.receipt().getBlockNumber().longValueExact();
    return new KeeperEvent.EndedBy(
        block, chain.blockTime(block), mined.receipt().getTransactionHash());
  }
}
