package io.enclavelottery.chain.follower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.chain.devnet.RestartableAnvil;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The follower across an RPC outage: Anvil is stopped after dumping its state and started again on
 * the same port from that state; events from before, during the catch-up and after are each
 * delivered exactly once, in order.
 */
class FollowerRestartIT {

  @TempDir Path dir;

  @AutoClose private final Opened opened = new Opened();
  private DevChain chain;

  @Test
  void overHttpNothingIsSkippedOrDeliveredTwice() {
    restartScenario(LocalAnvil::httpUrl);
  }

  @Test
  void overWebSocketNothingIsSkippedOrDeliveredTwice() {
    restartScenario(LocalAnvil::wsUrl);
  }

  private void restartScenario(Function<LocalAnvil, String> url) {
    RestartableAnvil anvil = opened.add(RestartableAnvil.start());
    chain = opened.add(new DevChain(anvil.node()));
    String lottery = Lotteries.deploy(chain, 1).get(0);
    FollowerConfig config =
        FollowerConfig.defaults()
            .withPollInterval(Duration.ofMillis(50))
            .withSubscriptionSafetyPoll(Duration.ofSeconds(30))
            .withReconnectDelays(Duration.ofMillis(200), Duration.ofSeconds(1));
    ChainFollower follower = opened.add(ChainFollower.forUrl(url.apply(anvil.node()), config));
    RecordingConsumer consumer = new RecordingConsumer();
    follower.follow(lottery, 0, consumer);
    follower.start();

    emitAll(lottery, 1, 3);
    awaitDelivered(consumer, lottery, 3);

    Path state = dir.resolve("state.json");
    chain.close();
    anvil.goDown(state);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> follower.status().state() == FollowerState.DISCONNECTED);
    assertThat(follower.status().lastError()).isPresent();

    chain = opened.add(new DevChain(anvil.comeBack(state)));
    // sent at once, so the follower finds them as a backlog when it reconnects
    emitAll(lottery, 4, 6);
    chain.mine(20);
    awaitDelivered(consumer, lottery, 6);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> follower.status().state() == FollowerState.FOLLOWING);

    emitAll(lottery, 7, 9);
    awaitDelivered(consumer, lottery, 9);

    assertThat(consumer.view().stream().flatMap(log -> Lotteries.tag(log).stream()))
        .containsExactlyElementsOf(LongStream.rangeClosed(1, 9).boxed().toList());
    assertThat(consumer.retractions()).as("the restarted node kept the block hashes").isEmpty();
    consumer.assertConsistent();
  }

  private void emitAll(String lottery, long from, long to) {
    for (long payload = from; payload <= to; payload++) {
      chain.sendAndWait(Lotteries.bet(chain.account(2 + (int) payload % 5), lottery, payload));
    }
  }

  private void awaitDelivered(RecordingConsumer consumer, String lottery, int bets) {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              assertThat(consumer.deliveredThrough()).isEqualTo(chain.head());
              assertThat(consumer.view()).isEqualTo(chain.canonicalLogs(List.of(lottery)));
              assertThat(consumer.view().stream().flatMap(log -> Lotteries.tag(log).stream()))
                  .hasSize(bets);
            });
  }
}
