package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One observation, built from a few named facts. The running round opened at {@link #T0} with the
 * contract's default settings: betting for 120 s until {@link #END}, draw window [{@link
 * #MIN_DRAW}, {@link #MAX_DRAW}] = [END + 30 s, END + 120 s], minimum extension 120 s, two players
 * needed.
 */
final class Scenario {

  static final Instant T0 = Instant.ofEpochSecond(1_750_000_000L);
  static final long ROUND_ID = 7;
  static final Instant END = T0.plusSeconds(120);
  static final Instant MIN_DRAW = END.plusSeconds(30);
  static final Instant MAX_DRAW = END.plusSeconds(120);
  static final long MIN_PARTICIPANTS = 2;
  static final BigInteger MIN_BET = BigInteger.TEN.pow(15);
  static final BigInteger DESIRED_MIN_BET = BigInteger.TEN.pow(15).multiply(BigInteger.TWO);
  static final Duration DESIRED_DURATION = Duration.ofSeconds(300);
  static final long DESIRED_MIN_PARTICIPANTS = 3;
  static final Duration PENDING_TIMEOUT = Duration.ofMinutes(10);
  static final Hex32 COMMITMENT = Hex32.of(BigInteger.valueOf(0xC0FFEE));

  RoundState state = RoundState.BETTING;
  boolean committed;
  long players;
  Duration totalExtension = Duration.ZERO;
  Instant now = T0;
  Duration blockTime = Duration.ofSeconds(1);
  boolean autoStart;
  boolean paused;
  boolean extendWhenShort;
  boolean chainPaused;
  boolean newMinBet;
  boolean newDuration;
  boolean newMinParticipants;
  Optional<Duration> pendingAge = Optional.empty();
  SeedAvailability seed = SeedAvailability.AVAILABLE;
  boolean broke;
  boolean smallBond;

  Observation observation() {
    DecisionTiming timing =
        withPendingTimeout(DecisionTiming.forBlockTime(blockTime), PENDING_TIMEOUT);
    RoundPolicy policy =
        new RoundPolicy(
            autoStart,
            paused,
            extendWhenShort,
            new DesiredSettings(
                newMinBet ? Optional.of(DESIRED_MIN_BET) : Optional.of(MIN_BET),
                newDuration ? Optional.of(DESIRED_DURATION) : Optional.empty(),
                newMinParticipants ? Optional.of(DESIRED_MIN_PARTICIPANTS) : Optional.empty()),
            timing);
    return new Observation(
        round(),
        settings(),
        policy,
        now,
        pendingAge.map(age -> new PendingTransaction(new Action.Draw(ROUND_ID), now.minus(age))),
        seed,
        new OperatorBalance(
            broke ? BigInteger.valueOf(1_000) : BigInteger.TEN.pow(18), BigInteger.TEN.pow(15)));
  }

  Plan plan() {
    return Decision.next(observation());
  }

  Round round() {
    boolean running = state != RoundState.WAITING;
    return new Round(
        ROUND_ID,
        running ? T0 : Instant.EPOCH,
        running ? END : Instant.EPOCH,
        running ? MIN_DRAW : Instant.EPOCH,
        running ? MAX_DRAW : Instant.EPOCH,
        MIN_BET.multiply(BigInteger.valueOf(players)),
        players,
        Round.NO_ADDRESS,
        BigInteger.ZERO,
        BigInteger.ZERO,
        state,
        committed ? COMMITMENT : Hex32.ZERO,
        Hex32.ZERO,
        players,
        totalExtension,
        BigInteger.ZERO);
  }

  LotterySettings settings() {
    int penaltyBps = smallBond ? 1_000 : 0;
    BigInteger bond = smallBond ? MIN_BET.divide(BigInteger.TEN) : BigInteger.ZERO;
    BigInteger maxPot =
        penaltyBps == 0
            ? BigInteger.TWO.pow(256).subtract(BigInteger.ONE)
            : bond.multiply(BigInteger.valueOf(10_000)).divide(BigInteger.valueOf(penaltyBps));
    return new LotterySettings(
        "0x00000000000000000000000000000000000000aa",
        "0x00000000000000000000000000000000000000bb",
        500,
        MIN_BET,
        Duration.ofSeconds(120),
        Duration.ofSeconds(30),
        Duration.ofSeconds(120),
        Duration.ofSeconds(120),
        MIN_PARTICIPANTS,
        penaltyBps,
        bond,
        maxPot,
        0,
        chainPaused,
        Round.NO_ADDRESS,
        Instant.EPOCH,
        Duration.ofDays(1),
        Duration.ofDays(1));
  }

  static DecisionTiming withPendingTimeout(DecisionTiming timing, Duration timeout) {
    return new DecisionTiming(
        timing.blockTime(),
        timing.drawLead(),
        timing.extendWithin(),
        timing.extensionLength(),
        timeout,
        timing.recheckInterval());
  }
}
