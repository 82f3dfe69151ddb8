package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.Ether;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;

/**
 * A value of one of the operator settings the policy manages, within the contract's hard range (the
 * constructors reject anything the contract would).
 */
public sealed interface Setting {

  /** The setting's name as the contract's getter spells it, for status and Events. */
  String name();

  /** The contract function that changes it. */
  String function();

  /** The value in words, with its unit. */
  String describeValue();

  /**
   * {@code minBetAmount}: within [1 gwei, 100 ether].
   *
   * @param wei the smallest bet
   */
  record MinBetAmount(BigInteger wei) implements Setting {
    static final BigInteger FLOOR = BigInteger.TEN.pow(9);
    static final BigInteger CEILING = BigInteger.TEN.pow(20);

    public MinBetAmount {
      Objects.requireNonNull(wei, "wei");
      if (wei.compareTo(FLOOR) < 0 || wei.compareTo(CEILING) > 0) {
        throw new IllegalArgumentException(
            "minBetAmount must be within [1 gwei, 100 ether], got " + wei + " wei");
      }
    }

    @Override
    public String name() {
      return "minBetAmount";
    }

    @Override
    public String function() {
      return "updateMinBetAmount";
    }

    @Override
    public String describeValue() {
      return Ether.text(wei);
    }
  }

  /**
   * {@code bettingDuration}: whole seconds within [10 s, 30 days].
   *
   * @param duration how long betting runs from the start of a round
   */
  record BettingDuration(Duration duration) implements Setting {
    static final Duration FLOOR = Duration.ofSeconds(10);
    static final Duration CEILING = Duration.ofDays(30);

    public BettingDuration {
      Objects.requireNonNull(duration, "duration");
      if (duration.getNano() != 0
          || duration.compareTo(FLOOR) < 0
          || duration.compareTo(CEILING) > 0) {
        throw new IllegalArgumentException(
            "bettingDuration must be whole seconds within [10 s, 30 days], got " + duration);
      }
    }

    @Override
    public String name() {
      return "bettingDuration";
    }

    @Override
    public String function() {
      return "updateBettingDuration";
    }

    @Override
    public String describeValue() {
      return duration.toSeconds() + " s";
    }
  }

  /**
   * {@code minParticipants}: within [2, 1000].
   *
   * @param count fewer distinct players than this and a draw refunds instead
   */
  record MinParticipants(long count) implements Setting {
    static final long FLOOR = 2;
    static final long CEILING = 1_000;

    public MinParticipants {
      if (count < FLOOR || count > CEILING) {
        throw new IllegalArgumentException(
            "minParticipants must be within [2, 1000], got " + count);
      }
    }

    @Override
    public String name() {
      return "minParticipants";
    }

    @Override
    public String function() {
      return "updateMinParticipants";
    }

    @Override
    public String describeValue() {
      return Long.toString(count);
    }
  }
}
