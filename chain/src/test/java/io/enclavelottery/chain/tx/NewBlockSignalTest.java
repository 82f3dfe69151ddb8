package io.enclavelottery.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class NewBlockSignalTest {

  private final NewBlockSignal signal = new NewBlockSignal();

  private CompletableFuture<Void> waiting(Duration atMost) {
    return CompletableFuture.runAsync(
        () -> {
          try {
            signal.awaitNextBlock(atMost);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  @Test
  void aNewBlockWakesAWaitingSenderLongBeforeItsPollInterval() {
    CompletableFuture<Void> waiter = waiting(Duration.ofMinutes(5));

    // signal until the waiter has noticed: it may not have started waiting at the first signal
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              signal.newBlock();
              return waiter.isDone();
            });
  }

  @Test
  void withoutABlockItWaitsOutItsInterval() {
    CompletableFuture<Void> waiter = waiting(Duration.ofMillis(50));

    await().atMost(Duration.ofSeconds(10)).until(waiter::isDone);
    assertThat(waiter).isCompleted();
  }
}
