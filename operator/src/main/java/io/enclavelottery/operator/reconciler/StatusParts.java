package io.enclavelottery.operator.reconciler;

import io.enclavelottery.chain.Ether;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.tx.SentTransaction;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.PendingSettings;
import io.enclavelottery.crd.PendingTransaction;
import io.enclavelottery.crd.RoundResult;
import io.enclavelottery.crd.RoundState;
import io.enclavelottery.crd.RoundStatus;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.operator.keeper.ChainReading;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The parts of a LotteryRound's status that the chain gives: the round as a person reads it, the
 * transaction in flight, the settings held back, and the bounded history of results.
 */
final class StatusParts {

  private StatusParts() {}

  /** The round with its times in RFC 3339 and its pot in ether. */
  static RoundStatus round(Round round) {
    return new RoundStatus(
        round.roundId(),
        RoundState.valueOf(round.state().name()),
        time(round.startTime()),
        time(round.endTime()),
        time(round.minDrawTime()),
        time(round.maxDrawTime()),
        Ether.of(round.totalPot()),
        round.participantCount(),
        round.seedCommitted());
  }

  /**
   * The keeper's oldest transaction in flight; when it has none but the node's pool holds the
   * operator's (sent before a restart), or the keeper has not looked yet, the one the status
   * already names, so a restarted controller still shows what it waits for.
   */
  static Optional<PendingTransaction> pendingTransaction(
      List<SentTransaction> inFlight, Optional<ChainReading> chain, LotteryRoundStatus previous) {
    Optional<PendingTransaction> sent =
        inFlight.stream()
            .min(Comparator.comparing(SentTransaction::nonce))
            .map(
                tx ->
                    new PendingTransaction(
                        tx.hash(),
                        tx.cancelling() ? "cancel" : tx.function(),
                        tx.nonce().longValueExact(),
                        time(tx.sentAt())));
    boolean poolEmpty = chain.filter(c -> c.inPool() == 0).isPresent();
    if (sent.isPresent() || poolEmpty || previous == null) {
      return sent;
    }
    return Optional.ofNullable(previous.pendingTransaction());
  }

  /** The spec's round settings that differ from the contract's; empty when none does. */
  static Optional<PendingSettings> pendingSettings(RoundsSpec wanted, LotterySettings onChain) {
    String minBet =
        Optional.ofNullable(wanted.minBet())
            .filter(ether -> weiOf(ether).compareTo(new BigDecimal(onChain.minBetAmount())) != 0)
            .orElse(null);
    Integer duration =
        Optional.ofNullable(wanted.bettingDuration())
            .filter(seconds -> seconds != onChain.bettingDuration().toSeconds())
            .orElse(null);
    Integer participants =
        Optional.ofNullable(wanted.minParticipants())
            .filter(count -> count != onChain.minParticipants())
            .orElse(null);
    if (minBet == null && duration == null && participants == null) {
      return Optional.empty();
    }
    return Optional.of(new PendingSettings(minBet, duration, participants));
  }

  /** {@code history} with {@code latest} in front when it is new, at most the status's limit. */
  static List<RoundResult> history(Optional<RoundResult> latest, List<RoundResult> history) {
    if (latest.isEmpty()
        || (!history.isEmpty() && history.get(0).roundId().equals(latest.get().roundId()))) {
      return history;
    }
    List<RoundResult> newestFirst = new ArrayList<>();
    newestFirst.add(latest.get());
    newestFirst.addAll(history);
    return newestFirst.subList(0, Math.min(newestFirst.size(), LotteryRoundStatus.HISTORY_LIMIT));
  }

  private static BigDecimal weiOf(String ether) {
    return new BigDecimal(ether).movePointRight(18);
  }

  /** RFC 3339 in UTC; the contract's zero time (unset) is absent. */
  private static String time(Instant instant) {
    return instant.equals(Instant.EPOCH)
        ? null
        : instant.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
