package io.enclavelottery.chain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A player bet on a round.
 *
 * @param position where the log is on chain
 * @param roundId the round
 * @param player the bettor
 * @param amount this bet, in wei
 * @param newTotal the round's pot after the bet, in wei
 * @param timestamp the block time the contract recorded
 */
public record BetPlaced(
    EventPosition position,
    long roundId,
    String player,
    BigInteger amount,
    BigInteger newTotal,
    Instant timestamp)
    implements RoundEvent {}
