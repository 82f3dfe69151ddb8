package io.enclavelottery.chain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * The publisher cancelled a proposed operator change, or replaced it with another candidate; the
 * candidate's deposit was credited back to it for withdrawal.
 *
 * @param position where the log is on chain
 * @param cancelledOperator the candidate that will not take over
 * @param refundedBond its deposit, credited back, in wei
 * @param timestamp the block time the contract recorded
 */
public record OperatorChangeCancelled(
    EventPosition position, String cancelledOperator, BigInteger refundedBond, Instant timestamp)
    implements LotteryEvent {}
