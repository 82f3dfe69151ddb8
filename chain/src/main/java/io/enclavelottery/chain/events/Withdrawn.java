package io.enclavelottery.chain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * An account withdrew what the contract had credited to it.
 *
 * @param position where the log is on chain
 * @param to the account paid
 * @param amount wei paid
 * @param timestamp the block time the contract recorded
 */
public record Withdrawn(EventPosition position, String to, BigInteger amount, Instant timestamp)
    implements LotteryEvent {}
