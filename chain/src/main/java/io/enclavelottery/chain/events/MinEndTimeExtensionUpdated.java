package io.enclavelottery.chain.events;

import java.time.Duration;
import java.time.Instant;

/**
 * The operator changed the smallest extension of betting.
 *
 * @param position where the log is on chain
 * @param oldExtension before
 * @param newExtension now
 * @param timestamp the block time the contract recorded
 */
public record MinEndTimeExtensionUpdated(
    EventPosition position, Duration oldExtension, Duration newExtension, Instant timestamp)
    implements SettingsEvent {}
