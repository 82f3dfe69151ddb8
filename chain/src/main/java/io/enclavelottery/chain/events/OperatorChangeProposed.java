package io.enclavelottery.chain.events;

import java.time.Instant;

/**
 * The publisher proposed a new operator.
 *
 * @param position where the log is on chain
 * @param newOperator the proposed operator
 * @param effectiveAt when it can be activated
 * @param timestamp the block time the contract recorded
 */
public record OperatorChangeProposed(
    EventPosition position, String newOperator, Instant effectiveAt, Instant timestamp)
    implements LotteryEvent {}
