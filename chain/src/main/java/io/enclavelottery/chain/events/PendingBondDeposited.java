package io.enclavelottery.chain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The pending operator deposited towards the bond it takes over with; held apart from the current
 * operator's bond, and credited back to it if the change is cancelled.
 *
 * @param position where the log is on chain
 * @param pendingOperator who deposited (the proposed operator)
 * @param amount the deposit, in wei
 * @param newPendingBond what the pending operator has deposited in all, in wei
 * @param timestamp the block time the contract recorded
 */
public record PendingBondDeposited(
    EventPosition position,
    String pendingOperator,
    BigInteger amount,
    BigInteger newPendingBond,
    Instant timestamp)
    implements LotteryEvent {}
