package io.enclavelottery.chain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The operator took part of the bond back.
 *
 * @param position where the log is on chain
 * @param operator the operator
 * @param amount wei withdrawn
 * @param newBond the bond now, in wei
 * @param timestamp the block time the contract recorded
 */
public record BondWithdrawn(
    EventPosition position,
    String operator,
    BigInteger amount,
    BigInteger newBond,
    Instant timestamp)
    implements LotteryEvent {}
