package io.enclavelottery.chain.follower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.chain.devnet.RestartableAnvil;
import io.enclavelottery.chain.follower.DevChain.ReorgTransaction;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The follower against real forks of a real Anvil, with bets on real Lottery contracts: every event
 * delivered once net.
 */
class FollowerReorgIT {

  @AutoClose private final Opened opened = new Opened();
  private LocalAnvil anvil;
  private DevChain chain;
  private ChainFollower follower;
  private List<String> lotteries;
  private final Map<String, RecordingConsumer> consumers = new LinkedHashMap<>();

  @BeforeEach
  void start() {
    anvil = opened.add(RestartableAnvil.start()).node();
    chain = opened.add(new DevChain(anvil));
    lotteries = Lotteries.deploy(chain, 2);
    follower =
        opened.add(
            ChainFollower.forUrl(
                anvil.httpUrl(),
                FollowerConfig.defaults().withPollInterval(Duration.ofMillis(50))));
    for (String lottery : lotteries) {
      RecordingConsumer consumer = new RecordingConsumer();
      consumers.put(lottery, consumer);
      follower.follow(lottery, 0, consumer);
    }
    follower.start();
  }

  @Test
  void everyEventIsDeliveredOnceNetAcrossAnvilReorg() {
    for (int tag = 1; tag <= 8; tag++) {
      bet(tag % 3, tag % 2, tag);
    }
    awaitConsumersMatchTheChain();
    long head = chain.head();

    // the last four blocks (bets tagged 5..8) are replaced by four new ones with bets 100..102
    chain.reorg(
        4,
        List.of(
            new ReorgTransaction(Lotteries.bet(chain.account(4), lotteries.get(0), 100), 0),
            new ReorgTransaction(Lotteries.bet(chain.account(5), lotteries.get(1), 101), 2),
            new ReorgTransaction(Lotteries.bet(chain.account(6), lotteries.get(0), 102), 2)));
    assertThat(chain.head()).isEqualTo(head);
    bet(7, 1, 103);
    awaitConsumersMatchTheChain();

    assertThat(tags()).containsExactly(1L, 2L, 3L, 4L, 100L, 101L, 102L, 103L);
    assertThat(retracted()).containsExactlyInAnyOrder(5L, 6L, 7L, 8L);
    consumers.values().forEach(RecordingConsumer::assertConsistent);
  }

  @Test
  void everyEventIsDeliveredOnceNetAcrossSnapshotRevert() {
    for (int tag = 1; tag <= 3; tag++) {
      bet(0, tag % 2, tag);
    }
    String snapshot = chain.snapshot();
    for (int tag = 4; tag <= 6; tag++) {
      bet(1, tag % 2, tag);
    }
    awaitConsumersMatchTheChain();

    chain.revert(snapshot);
    for (int tag = 10; tag <= 14; tag++) {
      bet(2, tag % 2, tag);
    }
    awaitConsumersMatchTheChain();

    assertThat(tags()).containsExactly(1L, 2L, 3L, 10L, 11L, 12L, 13L, 14L);
    assertThat(retracted()).containsExactlyInAnyOrder(4L, 5L, 6L);
    consumers.values().forEach(RecordingConsumer::assertConsistent);
  }

  private void bet(int account, int lottery, long tag) {
    chain.sendAndWait(Lotteries.bet(chain.account(account), lotteries.get(lottery), tag));
  }

  /** Until each consumer's view is the canonical chain's logs, fresh from eth_getLogs. */
  private void awaitConsumersMatchTheChain() {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              long head = chain.head();
              for (Map.Entry<String, RecordingConsumer> entry : consumers.entrySet()) {
                assertThat(entry.getValue().deliveredThrough()).isEqualTo(head);
                assertThat(entry.getValue().view())
                    .isEqualTo(chain.canonicalLogs(List.of(entry.getKey())));
              }
            });
  }

  private List<Long> tags() {
    return consumers.values().stream()
        .flatMap(consumer -> consumer.view().stream())
        .sorted(ChainLog.CHAIN_ORDER)
        .flatMap(log -> Lotteries.tag(log).stream())
        .toList();
  }

  private List<Long> retracted() {
    return consumers.values().stream()
        .flatMap(consumer -> consumer.retractions().stream())
        .flatMap(retraction -> retraction.logs().stream())
        .flatMap(log -> Lotteries.tag(log).stream())
        .toList();
  }
}
