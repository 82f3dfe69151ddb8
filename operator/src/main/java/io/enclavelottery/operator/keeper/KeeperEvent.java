package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.Ether;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Something the keeper did or failed to do on chain, for status, Kubernetes Events, logs and
 * metrics. Every message is in words and holds nothing secret: no key, no unrevealed seed, no call
 * data.
 */
public sealed interface KeeperEvent {

  /** The event's reason as Kubernetes Events name it ({@code RoundStarted}, …). */
  String reason();

  /** A sentence a person understands. */
  String message();

  /** Whether it reports a failure (a Warning Event). */
  default boolean warning() {
    return false;
  }

  /** The keeper opened a round. */
  record RoundStarted(long roundId, Instant endTime) implements KeeperEvent {
    @Override
    public String reason() {
      return "RoundStarted";
    }

    @Override
    public String message() {
      return "round " + roundId + " opened; betting closes at " + endTime;
    }
  }

  /** The keeper committed a round's seed. */
  record SeedCommitted(long roundId, Instant endTime) implements KeeperEvent {
    @Override
    public String reason() {
      return "SeedCommitted";
    }

    @Override
    public String message() {
      return "seed of round " + roundId + " committed for betting ending at " + endTime;
    }
  }

  /** The keeper moved a round's end of betting later. */
  record BettingExtended(long roundId, Instant newEndTime) implements KeeperEvent {
    @Override
    public String reason() {
      return "BettingExtended";
    }

    @Override
    public String message() {
      return "betting of round " + roundId + " extended to " + newEndTime + " (too few players)";
    }
  }

  /**
   * The keeper's transaction that ended a round.
   *
   * @param block the block that holds it
   * @param at that block's time
   * @param transactionHash its hash
   */
  record EndedBy(long block, Instant at, String transactionHash) {
    public EndedBy {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(transactionHash, "transactionHash");
    }
  }

  /**
   * The keeper drew a round's winner.
   *
   * @param ended the draw's transaction
   * @param afterWindowOpened the draw block's timestamp minus {@code minDrawTime}
   */
  record WinnerDrawn(
      long roundId,
      String winner,
      BigInteger prize,
      BigInteger pot,
      EndedBy ended,
      Duration afterWindowOpened)
      implements KeeperEvent {
    public WinnerDrawn {
      Objects.requireNonNull(winner, "winner");
      Objects.requireNonNull(prize, "prize");
      Objects.requireNonNull(pot, "pot");
      Objects.requireNonNull(ended, "ended");
      Objects.requireNonNull(afterWindowOpened, "afterWindowOpened");
    }

    @Override
    public String reason() {
      return "WinnerDrawn";
    }

    @Override
    public String message() {
      return "round "
          + roundId
          + " drawn in block "
          + ended.block()
          + ", "
          + afterWindowOpened.toSeconds()
          + " s after its draw window opened: "
          + winner
          + " wins "
          + Ether.text(prize)
          + " of a "
          + Ether.text(pot)
          + " pot";
    }
  }

  /**
   * A round the keeper drew or refunded ended refunded; {@code why} says why, {@code ended} is the
   * keeper's transaction.
   */
  record RoundRefunded(long roundId, String why, EndedBy ended) implements KeeperEvent {
    public RoundRefunded {
      Objects.requireNonNull(why, "why");
      Objects.requireNonNull(ended, "ended");
    }

    @Override
    public String reason() {
      return "RoundRefunded";
    }

    @Override
    public String message() {
      return "round " + roundId + " refunded: " + why;
    }
  }

  /** The keeper changed a setting or the pause; {@code change} says which, from what to what. */
  record SettingsUpdated(String change) implements KeeperEvent {
    @Override
    public String reason() {
      return "SettingsUpdated";
    }

    @Override
    public String message() {
      return "settings updated: " + change;
    }
  }

  /**
   * A transaction was not sent, reverted or is stuck.
   *
   * @param function the contract function it was for
   * @param why what happened, in words, naming the function
   */
  record TransactionFailed(String function, String why) implements KeeperEvent {
    @Override
    public String reason() {
      return "TransactionFailed";
    }

    @Override
    public String message() {
      return why;
    }

    @Override
    public boolean warning() {
      return true;
    }
  }
}
