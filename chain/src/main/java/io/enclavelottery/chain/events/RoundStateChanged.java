package io.enclavelottery.chain.events;

import io.enclavelottery.chain.contract.RoundState;
import java.time.Instant;

/**
 * A round moved from one state to another.
 *
 * @param position where the log is on chain
 * @param roundId the round
 * @param oldState the state before
 * @param newState the state now
 * @param timestamp the block time the contract recorded
 */
public record RoundStateChanged(
    EventPosition position,
    long roundId,
    RoundState oldState,
    RoundState newState,
    Instant timestamp)
    implements RoundEvent {}
