package io.enclavelottery.chain.events;

import java.time.Instant;

/**
 * A round opened: its betting period and draw window.
 *
 * @param position where the log is on chain
 * @param roundId the round
 * @param startTime when betting opened
 * @param endTime when betting closes
 * @param minDrawTime start of the draw window
 * @param maxDrawTime end of the draw window
 * @param timestamp the block time the contract recorded
 */
public record RoundCreated(
    EventPosition position,
    long roundId,
    Instant startTime,
    Instant endTime,
    Instant minDrawTime,
    Instant maxDrawTime,
    Instant timestamp)
    implements RoundEvent {}
