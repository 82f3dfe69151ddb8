package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.contract.Participant;
import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The current round's distinct players, in the order of their first bet, each with their total bet
 * (the contract's {@code getParticipants}).
 *
 * @param roundId the round they bet in
 * @param totalPot the sum of all bets of the round, in wei
 * @param participants every player of the round, in order of first bet
 * @param block the block of the last bet (or of the round's creation); -1 for an empty start
 */
public record ParticipantsSnapshot(
    long roundId, BigInteger totalPot, List<Participant> participants, long block) {

  /** No round, no players. */
  public static final ParticipantsSnapshot NONE =
      new ParticipantsSnapshot(0, BigInteger.ZERO, List.of(), -1);

  public ParticipantsSnapshot {
    Objects.requireNonNull(totalPot, "totalPot");
    participants = List.copyOf(participants);
  }

  /** What the player (lower-case {@code 0x} hex) has bet in the round; zero if nothing. */
  public BigInteger amountOf(String player) {
    for (Participant participant : participants) {
      if (participant.address().equals(player)) {
        return participant.amount();
      }
    }
    return BigInteger.ZERO;
  }

  /** The first {@code limit} players (all when fewer). */
  public List<Participant> first(int limit) {
    return participants.size() <= limit ? participants : participants.subList(0, limit);
  }
}
