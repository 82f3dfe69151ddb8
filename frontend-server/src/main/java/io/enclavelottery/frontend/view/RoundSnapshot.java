package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The current round (the contract's {@code getRound()}), rebuilt from its events.
 *
 * @param round the round with the same values the contract returns for it
 * @param block the block of the last event that changed it; -1 for {@link #NONE}
 */
public record RoundSnapshot(Round round, long block) {

  /** Before the first {@code RoundCreated}: round 0, WAITING, all zero. */
  public static final RoundSnapshot NONE =
      new RoundSnapshot(
          new Round(
              0,
              Instant.EPOCH,
              Instant.EPOCH,
              Instant.EPOCH,
              Instant.EPOCH,
              BigInteger.ZERO,
              0,
              Round.NO_ADDRESS,
              BigInteger.ZERO,
              BigInteger.ZERO,
              RoundState.WAITING,
              Hex32.ZERO,
              Hex32.ZERO,
              0,
              Duration.ZERO,
              BigInteger.ZERO),
          -1);

  public RoundSnapshot {
    Objects.requireNonNull(round, "round");
  }

  public long roundId() {
    return round.roundId();
  }
}
