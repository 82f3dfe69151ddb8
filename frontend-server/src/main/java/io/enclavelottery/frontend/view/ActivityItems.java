package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.Ether;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.events.BetPlaced;
import io.enclavelottery.chain.events.BettingDurationUpdated;
import io.enclavelottery.chain.events.DrawDelaysUpdated;
import io.enclavelottery.chain.events.EndTimeExtended;
import io.enclavelottery.chain.events.EventPosition;
import io.enclavelottery.chain.events.LotteryEvent;
import io.enclavelottery.chain.events.MinBetAmountUpdated;
import io.enclavelottery.chain.events.MinEndTimeExtensionUpdated;
import io.enclavelottery.chain.events.MinParticipantsUpdated;
import io.enclavelottery.chain.events.OperatorChangeCancelled;
import io.enclavelottery.chain.events.OperatorChangeProposed;
import io.enclavelottery.chain.events.OperatorUpdated;
import io.enclavelottery.chain.events.PausedSet;
import io.enclavelottery.chain.events.PrizeCredited;
import io.enclavelottery.chain.events.RefundClaimed;
import io.enclavelottery.chain.events.RevealWithheld;
import io.enclavelottery.chain.events.RoundCompleted;
import io.enclavelottery.chain.events.RoundCreated;
import io.enclavelottery.chain.events.RoundRefunded;
import io.enclavelottery.chain.events.SeedCommitted;
import io.enclavelottery.chain.events.Withdrawn;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Optional;

/** Turns the contract events worth showing players into {@link ActivityItem}s. */
final class ActivityItems {

  private ActivityItems() {}

  /** The contract's reason for a refund when no seed was committed by the end of betting. */
  static final String NO_SEED_REASON = "No seed committed";

  /**
   * The item for the event, or empty for events the feed does not show (payouts, bond).
   *
   * @param minParticipants the contract's minParticipants, when the view has read it
   */
  static Optional<ActivityItem> of(LotteryEvent event, Optional<Long> minParticipants) {
    return Optional.ofNullable(roundItem(event, minParticipants))
        .or(() -> Optional.ofNullable(contractItem(event)));
  }

  private static ActivityItem roundItem(LotteryEvent event, Optional<Long> minParticipants) {
    if (event instanceof RoundCreated e && !e.startTime().equals(Instant.EPOCH)) {
      return item(
          e,
          ActivityKind.ROUND_STARTED,
          e.roundId(),
          null,
          null,
          "Round " + e.roundId() + " opened for betting");
    }
    if (event instanceof BetPlaced e) {
      return item(
          e,
          ActivityKind.BET,
          e.roundId(),
          e.player(),
          e.amount(),
          e.player() + " bet " + Ether.text(e.amount()) + " in round " + e.roundId());
    }
    if (event instanceof SeedCommitted e) {
      return item(
          e,
          ActivityKind.SEED_COMMITTED,
          e.roundId(),
          null,
          null,
          "The operator committed the seed of round " + e.roundId());
    }
    if (event instanceof EndTimeExtended e) {
      return item(
          e,
          ActivityKind.BETTING_EXTENDED,
          e.roundId(),
          null,
          null,
          "Betting in round " + e.roundId() + " extended to " + e.newEndTime());
    }
    if (event instanceof RoundCompleted e) {
      return item(
          e,
          ActivityKind.ROUND_COMPLETED,
          e.roundId(),
          e.winner(),
          e.totalPot(),
          e.winner() + " won " + Ether.text(e.winnerPrize()) + " in round " + e.roundId());
    }
    if (event instanceof PrizeCredited e) {
      return item(
          e,
          ActivityKind.PRIZE_CREDITED,
          e.roundId(),
          e.winner(),
          e.amount(),
          e.winner()
              + "'s wallet did not take the prize of round "
              + e.roundId()
              + " when it was sent: "
              + Ether.text(e.amount())
              + " waits in the contract for them to withdraw");
    }
    if (event instanceof RoundRefunded e) {
      return item(
          e,
          ActivityKind.ROUND_REFUNDED,
          e.roundId(),
          null,
          e.totalRefunded(),
          "Round " + e.roundId() + " refunded: " + refundReason(e, minParticipants));
    }
    if (event instanceof RefundClaimed e) {
      return item(
          e,
          ActivityKind.REFUND_CLAIMED,
          e.roundId(),
          e.player(),
          e.amount(),
          e.player()
              + " took the refund of round "
              + e.roundId()
              + ": "
              + Ether.text(e.amount())
              + (e.penaltyShare().signum() > 0
                  ? ", " + Ether.text(e.penaltyShare()) + " of it from the operator's bond"
                  : ""));
    }
    if (event instanceof RevealWithheld e) {
      return item(
          e,
          ActivityKind.REVEAL_WITHHELD,
          e.roundId(),
          null,
          e.penalty(),
          "The seed of round "
              + e.roundId()
              + " was not revealed; "
              + Ether.text(e.penalty())
              + " of the bond goes to its players");
    }
    return null;
  }

  /**
   * The refund's reason in words a player reads right: the operator commits a seed only once enough
   * players bet, so a round with fewer had too few players rather than a failed operator.
   */
  private static String refundReason(RoundRefunded refunded, Optional<Long> minParticipants) {
    return minParticipants
        .filter(
            min -> NO_SEED_REASON.equals(refunded.reason()) && refunded.participantCount() < min)
        .map(
            min ->
                "too few players ("
                    + refunded.participantCount()
                    + " of the "
                    + min
                    + " needed), so no draw")
        .orElse(refunded.reason());
  }

  private static ActivityItem contractItem(LotteryEvent event) {
    if (event instanceof MinBetAmountUpdated e) {
      return settings(e, "Minimum bet set to " + Ether.text(e.newAmount()));
    }
    if (event instanceof BettingDurationUpdated e) {
      return settings(e, "Betting duration set to " + e.newDuration().toSeconds() + " s");
    }
    if (event instanceof MinParticipantsUpdated e) {
      return settings(e, "Minimum players set to " + e.newMin());
    }
    if (event instanceof DrawDelaysUpdated e) {
      return settings(
          e,
          "Draw window set to "
              + e.newMinDelay().toSeconds()
              + "–"
              + e.newMaxDelay().toSeconds()
              + " s after betting ends");
    }
    if (event instanceof MinEndTimeExtensionUpdated e) {
      return settings(
          e, "Smallest betting extension set to " + e.newExtension().toSeconds() + " s");
    }
    if (event instanceof OperatorUpdated e) {
      return item(
          e,
          ActivityKind.OPERATOR_CHANGED,
          0,
          e.newOperator(),
          null,
          "Operator is now " + e.newOperator());
    }
    if (event instanceof OperatorChangeProposed e) {
      return item(
          e,
          ActivityKind.OPERATOR_CHANGED,
          0,
          e.newOperator(),
          null,
          "Operator change to " + e.newOperator() + " proposed, effective at " + e.effectiveAt());
    }
    if (event instanceof OperatorChangeCancelled e) {
      return item(
          e,
          ActivityKind.OPERATOR_CHANGED,
          0,
          e.cancelledOperator(),
          null,
          "Operator change to " + e.cancelledOperator() + " cancelled");
    }
    if (event instanceof PausedSet e) {
      return item(
          e,
          ActivityKind.PAUSE_CHANGED,
          0,
          null,
          null,
          e.paused() ? "New rounds paused" : "New rounds resumed");
    }
    if (event instanceof Withdrawn e) {
      return item(
          e,
          ActivityKind.WITHDRAWN,
          0,
          e.to(),
          e.amount(),
          e.to() + " withdrew " + Ether.text(e.amount()) + " the contract owed them");
    }
    // the bond and bare state changes are not shown
    return null;
  }

  private static ActivityItem settings(LotteryEvent event, String message) {
    return item(event, ActivityKind.SETTINGS_CHANGED, 0, null, null, message);
  }

  private static ActivityItem item(
      LotteryEvent event,
      ActivityKind kind,
      long roundId,
      String actor,
      BigInteger amount,
      String message) {
    EventPosition at = event.position();
    return new ActivityItem(
        ActivityItem.idOf(at.transactionHash(), at.logIndex()),
        kind,
        roundId,
        Optional.ofNullable(actor).filter(a -> !Round.NO_ADDRESS.equals(a)),
        Optional.ofNullable(amount),
        message,
        event.timestamp(),
        at.blockNumber(),
        at.transactionHash());
  }
}
