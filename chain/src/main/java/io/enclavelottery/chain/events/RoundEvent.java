package io.enclavelottery.chain.events;

/** An event about one round. */
public sealed interface RoundEvent extends LotteryEvent
    permits RoundCreated,
        BetPlaced,
        EndTimeExtended,
        RoundStateChanged,
        RoundCompleted,
        RoundRefunded,
        SeedCommitted,
        RevealWithheld,
        PrizeCredited,
        RefundClaimed {

  /** The round the event concerns. */
  long roundId();
}
