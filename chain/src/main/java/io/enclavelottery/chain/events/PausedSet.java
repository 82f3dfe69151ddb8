package io.enclavelottery.chain.events;

import java.time.Instant;

/**
 * The operator paused or resumed new rounds.
 *
 * @param position where the log is on chain
 * @param paused whether new rounds are now refused
 * @param timestamp the block time the contract recorded
 */
public record PausedSet(EventPosition position, boolean paused, Instant timestamp)
    implements LotteryEvent {}
