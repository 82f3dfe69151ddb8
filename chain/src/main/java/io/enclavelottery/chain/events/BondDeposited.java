package io.enclavelottery.chain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * Someone added to the operator's bond.
 *
 * @param position where the log is on chain
 * @param from who paid
 * @param amount wei added
 * @param newBond the bond now, in wei
 * @param timestamp the block time the contract recorded
 */
public record BondDeposited(
    EventPosition position, String from, BigInteger amount, BigInteger newBond, Instant timestamp)
    implements LotteryEvent {}
