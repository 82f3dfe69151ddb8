package io.enclavelottery.chain.events;

import java.time.Duration;
import java.time.Instant;

/**
 * The operator changed the draw window's delays after the end of betting.
 *
 * @param position where the log is on chain
 * @param oldMinDelay opening delay before
 * @param oldMaxDelay closing delay before
 * @param newMinDelay opening delay now
 * @param newMaxDelay closing delay now
 * @param timestamp the block time the contract recorded
 */
public record DrawDelaysUpdated(
    EventPosition position,
    Duration oldMinDelay,
    Duration oldMaxDelay,
    Duration newMinDelay,
    Duration newMaxDelay,
    Instant timestamp)
    implements SettingsEvent {}
