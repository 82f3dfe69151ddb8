package io.enclavelottery.chain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A player claimed the refund of a refunded round.
 *
 * @param position where the log is on chain
 * @param roundId the round
 * @param player the player paid
 * @param amount wei paid in all
 * @param penaltyShare the part of it that came from the reveal penalty
 * @param timestamp the block time the contract recorded
 */
public record RefundClaimed(
    EventPosition position,
    long roundId,
    String player,
    BigInteger amount,
    BigInteger penaltyShare,
    Instant timestamp)
    implements RoundEvent {}
