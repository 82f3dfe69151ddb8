package io.enclavelottery.chain.follower;

import static io.enclavelottery.chain.follower.FakeChain.Event;
import static io.enclavelottery.chain.follower.FakeChain.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ChainFollowerTest {

  private static final String A = address(0xa);
  private static final String B = address(0xb);
  private static final Duration FAST_POLL = Duration.ofMillis(20);
  private static final Duration NEVER = Duration.ofHours(1);

  private final FakeChain chain = new FakeChain();
  private final AtomicInteger connects = new AtomicInteger();
  private final AtomicReference<ManualHeadSource> heads = new AtomicReference<>();
  private final List<ManualHeadSource> allHeads = new CopyOnWriteArrayList<>();
  private int dataCounter;
  private ChainFollower follower;

  private ChainFollower start(Duration pollInterval) {
    FollowerConfig config =
        FollowerConfig.defaults()
            .withPollInterval(pollInterval)
            .withReconnectDelays(Duration.ofMillis(20), Duration.ofMillis(100));
    NodeConnector connector =
        () -> {
          connects.incrementAndGet();
          chain.latestHeader(); // fails while the chain is down, like opening a socket
          ManualHeadSource source = new ManualHeadSource(pollInterval);
          heads.set(source);
          allHeads.add(source);
          return new NodeConnection(chain, source);
        };
    follower =
        new ChainFollower(
            connector,
            config,
            new Backoff(
                Duration.ofMillis(20), Duration.ofMillis(100), RandomGenerator.getDefault()));
    follower.start();
    return follower;
  }

  @AfterEach
  void close() {
    if (follower != null) {
      follower.close();
    }
  }

  private Event event(String address) {
    return Event.of(address, "0x" + Integer.toHexString(++dataCounter));
  }

  private void awaitCaughtUp(RecordingConsumer consumer, String address) {
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () -> {
              assertThat(consumer.deliveredThrough()).isEqualTo(chain.head());
              assertThat(consumer.view()).isEqualTo(chain.canonicalLogs(address));
            });
  }

  @Test
  void followsTheChainAndReportsItsProgress() {
    chain.mine(event(A));
    start(FAST_POLL);
    RecordingConsumer a = new RecordingConsumer();
    follower.follow(A, 0, a);
    chain.mine(event(A), event(B));
    chain.mineEmpty(3);
    awaitCaughtUp(a, A);
    await()
        .untilAsserted(
            () -> {
              FollowerStatus status = follower.status();
              assertThat(status.state()).isEqualTo(FollowerState.FOLLOWING);
              assertThat(status.latestHead()).isEqualTo(chain.head());
              assertThat(status.lastDeliveredBlock()).isEqualTo(chain.head());
              assertThat(status.lagBlocks()).isZero();
              assertThat(status.followedContracts()).isEqualTo(1);
              assertThat(status.lastError()).isEmpty();
            });
    a.assertConsistent();
  }

  @Test
  void reconnectsWithBackoffAndResumesWithoutGapsOrDuplicates() {
    start(FAST_POLL);
    RecordingConsumer a = new RecordingConsumer();
    follower.follow(A, 0, a);
    chain.mine(event(A));
    awaitCaughtUp(a, A);

    chain.setDown(true);
    chain.mine(event(A));
    chain.mineEmpty(2);
    chain.mine(event(A), event(A));
    await()
        .untilAsserted(
            () -> {
              FollowerStatus status = follower.status();
              assertThat(status.state()).isEqualTo(FollowerState.DISCONNECTED);
              assertThat(status.lastError())
                  .hasValueSatisfying(e -> assertThat(e).contains("refused"));
            });
    int before = connects.get();
    await().atMost(Duration.ofSeconds(5)).until(() -> connects.get() >= before + 4);
    assertThat(a.view()).hasSize(1);

    chain.setDown(false);
    chain.mine(event(A));
    awaitCaughtUp(a, A);
    assertThat(a.view()).hasSize(5);
    a.assertConsistent();
    await().until(() -> follower.status().state() == FollowerState.FOLLOWING);
    assertThat(follower.status().lastError()).isPresent();
  }

  @Test
  void backoffSpacesTheAttemptsOut() {
    chain.setDown(true);
    start(FAST_POLL);
    await().atMost(Duration.ofSeconds(5)).until(() -> connects.get() >= 6);
    long started = System.nanoTime();
    int at = connects.get();
    await().atMost(Duration.ofSeconds(5)).until(() -> connects.get() >= at + 5);
    // capped at 100 ms with jitter down to 50 ms: five more attempts take at least 200 ms
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(Duration.ofMillis(200));
  }

  @Test
  void anAnnouncementWakesTheFollowerWithoutWaitingForThePoll() {
    start(NEVER);
    RecordingConsumer a = new RecordingConsumer();
    follower.follow(A, 0, a);
    awaitCaughtUp(a, A);
    chain.mine(event(A));
    heads.get().announce();
    awaitCaughtUp(a, A);
    assertThat(a.view()).hasSize(1);
  }

  @Test
  void lostAnnouncementsMakeTheFollowerReconnect() {
    start(NEVER);
    RecordingConsumer a = new RecordingConsumer();
    follower.follow(A, 0, a);
    awaitCaughtUp(a, A);
    ManualHeadSource first = heads.get();
    chain.mine(event(A));
    first.lose(new IOException("Connection was closed"));
    await().until(() -> connects.get() == 2);
    assertThat(first.isClosed()).isTrue();
    awaitCaughtUp(a, A);
    chain.mine(event(A));
    heads.get().announce();
    awaitCaughtUp(a, A);
    a.assertConsistent();
  }

  @Test
  void aThrowingConsumerIsLoggedAndCountedAndTheFollowerCarriesOn() {
    start(FAST_POLL);
    AtomicInteger calls = new AtomicInteger();
    follower.follow(
        A,
        0,
        event -> {
          calls.incrementAndGet();
          throw new IllegalStateException("consumer bug");
        });
    RecordingConsumer b = new RecordingConsumer();
    follower.follow(B, 0, b);
    chain.mine(event(A), event(B));
    awaitCaughtUp(b, B);
    chain.mine(event(A), event(B));
    awaitCaughtUp(b, B);
    assertThat(calls.get()).isGreaterThanOrEqualTo(2);
    await().until(() -> follower.status().consumerFailures() >= 2);
    assertThat(follower.status().state()).isNotEqualTo(FollowerState.DISCONNECTED);
  }

  @Test
  void followsCanBeAddedAndClosedWhileRunning() {
    start(FAST_POLL);
    RecordingConsumer a = new RecordingConsumer();
    FollowHandle handleA = follower.follow(A, 0, a);
    for (int i = 0; i < 10; i++) {
      chain.mine(event(A), event(B));
    }
    awaitCaughtUp(a, A);
    RecordingConsumer b = new RecordingConsumer();
    FollowHandle handleB = follower.follow(B, 3, b);
    await()
        .untilAsserted(
            () ->
                assertThat(b.view())
                    .isEqualTo(
                        chain.canonicalLogs(B).stream()
                            .filter(log -> log.blockNumber() >= 3)
                            .toList()));
    handleA.close();
    int delivered = a.events().size();
    chain.mine(event(A), event(B));
    await().until(() -> b.deliveredThrough() == chain.head());
    assertThat(b.view())
        .last()
        .isEqualTo(chain.canonicalLogs(B).get(chain.canonicalLogs(B).size() - 1));
    assertThat(a.events()).hasSize(delivered);
    assertThat(handleB.deliveredThrough()).isEqualTo(chain.head());
    await().until(() -> follower.status().followedContracts() == 1);
  }

  @Test
  void headListenersHearNewTips() {
    start(FAST_POLL);
    List<Long> tips = new CopyOnWriteArrayList<>();
    follower.onHead(head -> tips.add(head.number()));
    chain.mineEmpty(1);
    await().until(() -> tips.contains(chain.head()));
  }

  @Test
  void closeStopsDeliveriesAndTheConnection() {
    start(FAST_POLL);
    RecordingConsumer a = new RecordingConsumer();
    follower.follow(A, 0, a);
    chain.mine(event(A));
    awaitCaughtUp(a, A);
    follower.close();
    assertThat(follower.status().state()).isEqualTo(FollowerState.STOPPED);
    assertThat(heads.get().isClosed()).isTrue();
    chain.mine(event(A));
    await()
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(1))
        .untilAsserted(() -> assertThat(a.view()).hasSize(1));
    assertThatThrownBy(() -> follower.follow(B, 0, new RecordingConsumer()))
        .isInstanceOf(IllegalStateException.class);
  }
}
