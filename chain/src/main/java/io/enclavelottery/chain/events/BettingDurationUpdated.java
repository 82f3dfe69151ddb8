package io.enclavelottery.chain.events;

import java.time.Duration;
import java.time.Instant;

/**
 * The operator changed how long betting runs.
 *
 * @param position where the log is on chain
 * @param oldDuration before
 * @param newDuration now
 * @param timestamp the block time the contract recorded
 */
public record BettingDurationUpdated(
    EventPosition position, Duration oldDuration, Duration newDuration, Instant timestamp)
    implements SettingsEvent {}
