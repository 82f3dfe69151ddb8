package io.enclavelottery.chain.verify;

import io.enclavelottery.chain.contract.Bet;
import io.enclavelottery.chain.contract.DrawMath;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.events.RoundCompleted;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks of one drawn round, on data already read: each adds a sentence to {@link #problems()}
 * when it fails, and the recomputed values are kept for the report. Pure; no I/O.
 */
final class DrawChecks {

  private final long chainId;
  private final String contract;
  private final Round round;
  private final List<Bet> bets;
  private final List<String> problems = new ArrayList<>();
  private Hex32 recomputedCommitment;
  private Optional<BigInteger> winningPoint = Optional.empty();
  private Optional<String> recomputedWinner = Optional.empty();

  DrawChecks(long chainId, String contract, Round round, List<Bet> bets) {
    this.chainId = chainId;
    this.contract = contract;
    this.round = round;
    this.bets = List.copyOf(bets);
  }

  /** The revealed seed must hash to the commitment made while betting was open. */
  DrawChecks commitment() {
    recomputedCommitment =
        DrawMath.commitment(chainId, contract, round.roundId(), round.revealedSeed());
    if (round.seedCommitment().isZero()) {
      problems.add("the round was drawn without a commitment on record");
    } else if (!recomputedCommitment.equals(round.seedCommitment())) {
      problems.add(
          "the revealed seed hashes to %s, not to the commitment %s"
              .formatted(recomputedCommitment, round.seedCommitment()));
    }
    return this;
  }

  /** The bets must all be there, each adding to the pot, and add up to it. */
  DrawChecks bets() {
    if (bets.size() != round.betCount()) {
      problems.add(
          "getBets returned %d bets where the round counts %d"
              .formatted(bets.size(), round.betCount()));
    }
    BigInteger previous = BigInteger.ZERO;
    for (int i = 0; i < bets.size(); i++) {
      if (bets.get(i).cumulativeTotal().compareTo(previous) <= 0) {
        problems.add("bet " + i + "'s running total does not rise above the one before");
        break;
      }
      previous = bets.get(i).cumulativeTotal();
    }
    if (!bets.isEmpty() && !previous.equals(round.totalPot())) {
      problems.add(
          "the bets add up to %s wei, the pot is %s".formatted(previous, round.totalPot()));
    }
    return this;
  }

  /** The seed and the round alone must select the recorded winner. */
  DrawChecks winner() {
    if (round.totalPot().signum() <= 0) {
      problems.add("the round was drawn with an empty pot");
      return this;
    }
    BigInteger point =
        DrawMath.winningPoint(round.revealedSeed(), round.roundId(), round.totalPot());
    winningPoint = Optional.of(point);
    List<BigInteger> totals = bets.stream().map(Bet::cumulativeTotal).toList();
    if (totals.isEmpty() || point.compareTo(totals.get(totals.size() - 1)) >= 0) {
      return this; // bets() already says why the bets do not cover the pot
    }
    String selected = bets.get(DrawMath.winnerIndex(totals, point)).bettor();
    recomputedWinner = Optional.of(selected);
    if (!selected.equals(round.winner())) {
      problems.add(
          "the winning point %s falls in the bet of %s, but the contract recorded %s as the winner"
              .formatted(point, selected, round.winner()));
    }
    return this;
  }

  /** The {@code RoundCompleted} event must be there and agree with the stored round. */
  DrawChecks event(Optional<RoundCompleted> completed, String searched) {
    if (completed.isEmpty()) {
      problems.add("no RoundCompleted event for round " + round.roundId() + " " + searched);
      return this;
    }
    RoundCompleted event = completed.get();
    if (!event.winner().equals(round.winner())) {
      problems.add(
          "the RoundCompleted event names %s, the round %s"
              .formatted(event.winner(), round.winner()));
    }
    if (!event.randomSeed().equals(round.revealedSeed())) {
      problems.add(
          "the RoundCompleted event carries seed %s, the round %s"
              .formatted(event.randomSeed(), round.revealedSeed()));
    }
    if (!event.totalPot().equals(round.totalPot())) {
      problems.add(
          "the RoundCompleted event has a pot of %s wei, the round %s"
              .formatted(event.totalPot(), round.totalPot()));
    }
    return this;
  }

  List<String> problems() {
    return List.copyOf(problems);
  }

  Hex32 recomputedCommitment() {
    return recomputedCommitment;
  }

  Optional<BigInteger> winningPoint() {
    return winningPoint;
  }

  Optional<String> recomputedWinner() {
    return recomputedWinner;
  }
}
