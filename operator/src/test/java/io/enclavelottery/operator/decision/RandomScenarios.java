package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.contract.RoundState;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Scenarios drawn at random (from a fixed seed, so a failure repeats) over every dimension the
 * decision reads, with times concentrated around the round's deadlines and the decision's own
 * thresholds, where mistakes hide.
 */
final class RandomScenarios {

  private static final RoundState[] STATES = {
    RoundState.WAITING,
    RoundState.WAITING,
    RoundState.BETTING,
    RoundState.BETTING,
    RoundState.BETTING,
    RoundState.BETTING,
    RoundState.DRAWING,
    RoundState.COMPLETED,
    RoundState.REFUNDED
  };
  private static final long[] PLAYERS = {0, 1, 2, 3, 50};
  private static final long[] BLOCK_SECONDS = {1, 2, 12};
  private static final long[] EXTENSION_USED = {0, 0, 60, 86_285, 86_300, 86_400};
  private static final long[] PENDING_AGE = {0, 5, 599, 600, 3_600};

  private RandomScenarios() {}

  static Stream<Scenario> draw(long seed, int count) {
    Random random = new Random(seed);
    return Stream.generate(() -> next(random)).limit(count);
  }

  private static Scenario next(Random random) {
    Scenario scenario = new Scenario();
    scenario.state = pick(random, STATES);
    scenario.committed = random.nextBoolean();
    scenario.players = PLAYERS[random.nextInt(PLAYERS.length)];
    scenario.blockTime = Duration.ofSeconds(BLOCK_SECONDS[random.nextInt(BLOCK_SECONDS.length)]);
    scenario.totalExtension =
        Duration.ofSeconds(EXTENSION_USED[random.nextInt(EXTENSION_USED.length)]);
    // -150 .. +250 s around END covers start, extension window, end, draw window and after it
    scenario.now = Scenario.END.plusSeconds(random.nextInt(401) - 150);
    scenario.autoStart = random.nextBoolean();
    scenario.paused = random.nextBoolean();
    scenario.extendWhenShort = random.nextBoolean();
    scenario.chainPaused = random.nextBoolean();
    scenario.newMinBet = random.nextBoolean();
    scenario.newDuration = random.nextInt(3) == 0;
    scenario.newMinParticipants = random.nextInt(3) == 0;
    scenario.pendingAge =
        random.nextInt(3) == 0
            ? Optional.of(Duration.ofSeconds(PENDING_AGE[random.nextInt(PENDING_AGE.length)]))
            : Optional.empty();
    scenario.seed = pick(random, SeedAvailability.values());
    scenario.broke = random.nextInt(8) == 0;
    scenario.smallBond = random.nextInt(4) == 0;
    return scenario;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
