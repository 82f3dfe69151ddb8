package io.enclavelottery.chain.events;

import java.time.Instant;

/**
 * An event of the lottery contract, decoded from its log by {@link LotteryEventDecoder}. Round
 * events ({@link RoundEvent}) carry the round they concern; settings events ({@link SettingsEvent})
 * say a setting changed; the rest concern the operator, the bond and payouts. Amounts are wei,
 * times {@link Instant}s of block time, addresses lower-case {@code 0x} hex.
 */
public sealed interface LotteryEvent
    permits RoundEvent,
        SettingsEvent,
        OperatorUpdated,
        Withdrawn,
        BondDeposited,
        BondWithdrawn,
        PausedSet,
        OperatorChangeProposed,
        PendingBondDeposited,
        OperatorChangeCancelled {

  /** Where the event's log is on chain. */
  EventPosition position();

  /** The block time the contract recorded in the event. */
  Instant timestamp();

  /** The event's name in the contract ({@code BetPlaced}), for logs, metrics and the feed. */
  default String name() {
    return getClass().getSimpleName();
  }
}
