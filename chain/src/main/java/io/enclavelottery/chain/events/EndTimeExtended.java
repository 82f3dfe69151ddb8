package io.enclavelottery.chain.events;

import java.time.Instant;

/**
 * The operator moved the end of betting later.
 *
 * @param position where the log is on chain
 * @param roundId the round
 * @param oldEndTime the end before
 * @param newEndTime the end now
 * @param timestamp the block time the contract recorded
 */
public record EndTimeExtended(
    EventPosition position, long roundId, Instant oldEndTime, Instant newEndTime, Instant timestamp)
    implements RoundEvent {}
