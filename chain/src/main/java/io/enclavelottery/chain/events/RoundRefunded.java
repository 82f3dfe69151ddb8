package io.enclavelottery.chain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A round was refunded; players claim their bets with {@code claimRefund}.
 *
 * @param position where the log is on chain
 * @param roundId the round
 * @param totalRefunded the refunded pot, in wei
 * @param participantCount distinct players
 * @param reason why, in the contract's words
 * @param timestamp the block time the contract recorded
 */
public record RoundRefunded(
    EventPosition position,
    long roundId,
    BigInteger totalRefunded,
    long participantCount,
    String reason,
    Instant timestamp)
    implements RoundEvent {}
