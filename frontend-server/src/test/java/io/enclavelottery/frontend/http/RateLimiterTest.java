package io.enclavelottery.frontend.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A token bucket per client, refilled with time, forgotten when full, capped in size. */
class RateLimiterTest {

  private final AtomicLong now = new AtomicLong();

  @Test
  void aClientHasItsBurstThenItsRate() {
    RateLimiter limiter = new RateLimiter(2, 3, 100, now::get);
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isFalse();
    assertThat(limiter.tryAcquire("b")).as("another client").isTrue();
    now.addAndGet(500_000_000); // half a second: one token at 2/s
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("a")).isFalse();
  }

  @Test
  void fullBucketsAreForgottenAndBeyondTheCapClientsShareOne() {
    RateLimiter limiter = new RateLimiter(1, 1, 2, now::get);
    assertThat(limiter.tryAcquire("a")).isTrue();
    assertThat(limiter.tryAcquire("b")).isTrue();
    assertThat(limiter.tryAcquire("c")).as("first of the overflow").isTrue();
    assertThat(limiter.tryAcquire("d")).as("shares the overflow bucket").isFalse();
    now.addAndGet(10_000_000_000L);
    limiter.forgetIdle();
    assertThat(limiter.trackedClients()).isZero();
  }
}
