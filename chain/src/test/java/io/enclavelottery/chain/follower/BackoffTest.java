package io.enclavelottery.chain.follower;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final RandomGenerator HIGHEST = () -> -1L;
  private static final RandomGenerator LOWEST = () -> 0L;

  @Test
  void doublesUpToTheCap() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), HIGHEST);
    assertThat(backoff.next()).isBetween(Duration.ofMillis(99), Duration.ofMillis(100));
    assertThat(backoff.next()).isBetween(Duration.ofMillis(199), Duration.ofMillis(200));
    assertThat(backoff.next()).isBetween(Duration.ofMillis(399), Duration.ofMillis(400));
    assertThat(backoff.next()).isBetween(Duration.ofMillis(799), Duration.ofMillis(800));
    assertThat(backoff.next()).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }
    assertThat(backoff.failures()).isEqualTo(105);
  }

  @Test
  void jitterKeepsEachWaitInTheUpperHalfOfItsStep() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), LOWEST);
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(50));
    assertThat(backoff.next()).isEqualTo(Duration.ofMillis(100));
    Backoff random =
        new Backoff(
            Duration.ofMillis(100), Duration.ofSeconds(1), RandomGenerator.of("L64X128MixRandom"));
    for (int i = 0; i < 50; i++) {
      assertThat(random.next()).isBetween(Duration.ofMillis(50), Duration.ofSeconds(1));
    }
  }

  @Test
  void resetStartsOver() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1), HIGHEST);
    backoff.next();
    backoff.next();
    backoff.reset();
    assertThat(backoff.failures()).isZero();
    assertThat(backoff.next()).isLessThanOrEqualTo(Duration.ofMillis(100));
  }
}
