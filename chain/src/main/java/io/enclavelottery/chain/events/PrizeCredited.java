package io.enclavelottery.chain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The prize could not be sent to the winner and was credited for withdrawal.
 *
 * @param position where the log is on chain
 * @param roundId the round
 * @param winner the winner
 * @param amount the prize, in wei
 * @param timestamp the block time the contract recorded
 */
public record PrizeCredited(
    EventPosition position, long roundId, String winner, BigInteger amount, Instant timestamp)
    implements RoundEvent {}
