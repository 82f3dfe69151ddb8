package io.enclavelottery.chain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The operator changed the smallest bet.
 *
 * @param position where the log is on chain
 * @param oldAmount before, in wei
 * @param newAmount now, in wei
 * @param timestamp the block time the contract recorded
 */
public record MinBetAmountUpdated(
    EventPosition position, BigInteger oldAmount, BigInteger newAmount, Instant timestamp)
    implements SettingsEvent {}
