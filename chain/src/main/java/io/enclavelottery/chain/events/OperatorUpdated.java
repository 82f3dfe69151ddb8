package io.enclavelottery.chain.events;

import java.time.Instant;

/**
 * A new operator took over.
 *
 * @param position where the log is on chain
 * @param oldOperator the operator before
 * @param newOperator the operator now
 * @param timestamp the block time the contract recorded
 */
public record OperatorUpdated(
    EventPosition position, String oldOperator, String newOperator, Instant timestamp)
    implements LotteryEvent {}
