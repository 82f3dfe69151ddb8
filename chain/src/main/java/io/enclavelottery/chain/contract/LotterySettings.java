package io.enclavelottery.chain.contract;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/**
 * The contract's configuration and operator-facing state, read at one block: {@code getConfig()}'s
 * nine values in the seed system's order, then this contract's additions. Amounts in wei, lengths
 * of time as {@link Duration}s, addresses lower-case {@code 0x} hex.
 *
 * @param publisher who deployed the contract and receives the commission (immutable)
 * @param operator who runs the rounds
 * @param publisherCommissionBps the publisher's commission in basis points (immutable)
 * @param minBetAmount the smallest bet accepted
 * @param bettingDuration how long a round's betting runs
 * @param minDrawDelayAfterEnd the draw window opens this long after {@code endTime}
 * @param maxDrawDelayAfterEnd the draw window closes this long after {@code endTime}
 * @param minEndTimeExtension the smallest extension {@code extendBettingTime} accepts
 * @param minParticipants fewer distinct players than this and a draw refunds instead
 * @param revealPenaltyBps share of the pot taken from the bond when a reveal is withheld
 * @param operatorBond the operator's bond held by the contract
 * @param maxPot the largest pot the bond covers
 * @param unrevealedRounds how many committed rounds expired without a reveal, ever
 * @param paused whether new rounds are refused
 * @param pendingOperator the proposed next operator; {@link Round#NO_ADDRESS} when none
 * @param pendingOperatorEffectiveAt when the proposed operator may be activated; EPOCH when none
 * @param operatorChangeDelay how long a proposed operator waits (immutable)
 * @param maxTotalExtension the cap on how much a round's betting can be extended
 */
public record LotterySettings(
    String publisher,
    String operator,
    int publisherCommissionBps,
    BigInteger minBetAmount,
    Duration bettingDuration,
    Duration minDrawDelayAfterEnd,
    Duration maxDrawDelayAfterEnd,
    Duration minEndTimeExtension,
    long minParticipants,
    int revealPenaltyBps,
    BigInteger operatorBond,
    BigInteger maxPot,
    long unrevealedRounds,
    boolean paused,
    String pendingOperator,
    Instant pendingOperatorEffectiveAt,
    Duration operatorChangeDelay,
    Duration maxTotalExtension) {

  /** Whether the publisher has proposed a new operator that is not active yet. */
  public boolean hasPendingOperator() {
    return !Round.NO_ADDRESS.equals(pendingOperator);
  }
}
