package io.enclavelottery.chain.contract;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One round as the contract stores it ({@code ILottery.LotteryRound}). Amounts are in wei, times
 * are {@link Instant}s of the chain's block time ({@link Instant#EPOCH} while unset), lengths of
 * time are {@link Duration}s, addresses lower-case {@code 0x} hex.
 *
 * @param roundId the round's number, from 1
 * @param startTime when betting opened
 * @param endTime when betting closes (moves with {@code extendBettingTime})
 * @param minDrawTime start of the draw window
 * @param maxDrawTime end of the draw window; after it anyone may refund
 * @param totalPot the sum of all bets
 * @param participantCount distinct players
 * @param winner the winner's address; the zero address until drawn
 * @param publisherCommission the publisher's share of the pot, set by the draw
 * @param winnerPrize the winner's share of the pot, set by the draw
 * @param state where the round stands
 * @param seedCommitment the committed hash of the seed; zero until committed
 * @param revealedSeed the seed revealed by the draw; zero until drawn
 * @param betCount bets placed (a player may bet several times)
 * @param totalExtension how much {@code extendBettingTime} added to the original end
 * @param revealPenalty the penalty taken from the bond when the reveal was withheld; else zero
 */
public record Round(
    long roundId,
    Instant startTime,
    Instant endTime,
    Instant minDrawTime,
    Instant maxDrawTime,
    BigInteger totalPot,
    long participantCount,
    String winner,
    BigInteger publisherCommission,
    BigInteger winnerPrize,
    RoundState state,
    Hex32 seedCommitment,
    Hex32 revealedSeed,
    long betCount,
    Duration totalExtension,
    BigInteger revealPenalty) {

  /** The zero address, which the contract uses for "no winner yet". */
  public static final String NO_ADDRESS = "0x0000000000000000000000000000000000000000";

  public Round {
    Objects.requireNonNull(startTime, "startTime");
    Objects.requireNonNull(endTime, "endTime");
    Objects.requireNonNull(minDrawTime, "minDrawTime");
    Objects.requireNonNull(maxDrawTime, "maxDrawTime");
    Objects.requireNonNull(totalPot, "totalPot");
    Objects.requireNonNull(winner, "winner");
    Objects.requireNonNull(publisherCommission, "publisherCommission");
    Objects.requireNonNull(winnerPrize, "winnerPrize");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(seedCommitment, "seedCommitment");
    Objects.requireNonNull(revealedSeed, "revealedSeed");
    Objects.requireNonNull(totalExtension, "totalExtension");
    Objects.requireNonNull(revealPenalty, "revealPenalty");
  }

  /** Whether the operator has committed the seed of this round. */
  public boolean seedCommitted() {
    return !seedCommitment.isZero();
  }

  /** Whether a winner has been drawn. */
  public boolean hasWinner() {
    return !NO_ADDRESS.equals(winner);
  }
}
