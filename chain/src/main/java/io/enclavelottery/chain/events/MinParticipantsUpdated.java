package io.enclavelottery.chain.events;

import java.time.Instant;

/**
 * The operator changed how many players a draw needs.
 *
 * @param position where the log is on chain
 * @param oldMin before
 * @param newMin now
 * @param timestamp the block time the contract recorded
 */
public record MinParticipantsUpdated(
    EventPosition position, long oldMin, long newMin, Instant timestamp) implements SettingsEvent {}
