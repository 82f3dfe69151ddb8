package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The chain's time between blocks and the spacing of blocks, from the heads seen. */
class ChainClockTest {

  private static final long T = 1_800_000_000L;

  private Instant wallNow = Instant.ofEpochSecond(5_000);
  private final ChainClock clock =
      new ChainClock(
          new Clock() {
            @Override
            public ZoneOffset getZone() {
              return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
              return this;
            }

            @Override
            public Instant instant() {
              return wallNow;
            }
          });

  @Test
  void knowsNothingBeforeTheFirstBlockAndAssumesOneSecondBlocks() {
    assertThat(clock.latestBlock()).isEqualTo(-1);
    assertThat(clock.now()).isEmpty();
    assertThat(clock.nextBlockTime()).isEmpty();
    assertThat(clock.blockInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void aSteadyCadenceIsTrustedMissedSlotsAndSkippedHeadsIncluded() {
    long number = 100;
    long time = T;
    clock.observe(number, time);
    for (int i = 0; i < ChainClock.MIN_SAMPLES; i++) {
      number += 1;
      time += 12;
      clock.observe(number, time);
    }
    clock.observe(number + 2, time + 24); // two blocks in one head: 12 s each
    clock.observe(number + 3, time + 48); // a missed slot

    assertThat(clock.blockInterval()).isEqualTo(Duration.ofSeconds(12));
    assertThat(clock.nextBlockTime()).hasValue(Instant.ofEpochSecond(time + 60));
  }

  @Test
  void tooFewBlocksGiveOneSecond() {
    clock.observe(100, T);
    clock.observe(101, T + 4); // mining paused a while
    clock.observe(102, T + 8);

    assertThat(clock.blockInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void anIrregularChainGivesOneSecond() {
    long[] gaps = {3, 7, 3, 30, 5, 3, 9, 4, 12};
    long time = T;
    clock.observe(100, time);
    for (int i = 0; i < gaps.length; i++) {
      time += gaps[i];
      clock.observe(101 + i, time);
    }

    assertThat(clock.blockInterval()).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void olderOrRepeatedBlocksChangeNothing() {
    clock.observe(100, T);
    clock.observe(101, T + 2);
    clock.observe(101, T + 1);
    clock.observe(99, T - 1);

    assertThat(clock.latestBlock()).isEqualTo(101);
    assertThat(clock.latestBlockTime()).hasValue(Instant.ofEpochSecond(T + 2));
  }

  @Test
  void nowRunsOnFromTheLatestBlockWithTheWallClock() {
    clock.observe(100, T);
    wallNow = wallNow.plusMillis(700);

    assertThat(clock.now()).hasValue(Instant.ofEpochSecond(T).plusMillis(700));
  }
}
