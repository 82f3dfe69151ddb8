package io.enclavelottery.chain.follower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.chain.devnet.RestartableAnvil;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hundred Lottery contracts on one chain cost one eth_getLogs per new block range, over HTTP
 * polling and over a WebSocket subscription alike.
 */
class FollowerManyContractsIT {

  private static final int CONTRACTS = 100;
  private static final int BLOCKS = 6;
  private static final int EVENTS_PER_BLOCK = 30;

  private final RpcCounter counter = new RpcCounter();
  @AutoClose private final Opened opened = new Opened();
  private LocalAnvil anvil;
  private DevChain chain;
  private ChainFollower follower;
  private List<String> lotteries;
  private final List<RecordingConsumer> consumers = new ArrayList<>();

  @BeforeEach
  void start() {
    anvil = opened.add(RestartableAnvil.start()).node();
    chain = opened.add(new DevChain(anvil));
    lotteries = Lotteries.deploy(chain, CONTRACTS);
  }

  @Test
  void overHttpPollingOneLogQueryPerNewRange() {
    follow(
        Web3jNodeConnector.http(
            () -> new RpcCounter.Http(anvil.httpUrl(), counter), Duration.ofMillis(100)));
    assertOneLogQueryPerRange();
  }

  @Test
  void overWebSocketSubscriptionOneLogQueryPerNewRange() {
    try (NodeConnection probe =
        Web3jNodeConnector.forUrl(anvil.wsUrl(), FollowerConfig.defaults()).connect()) {
      assertThat(probe.heads()).isInstanceOf(SubscriptionHeadSource.class);
    }
    // no safety poll within the test: only newHeads notifications can wake the follower
    follow(
        Web3jNodeConnector.webSocket(
            () -> new RpcCounter.WebSocket(anvil.wsUrl(), counter), Duration.ofHours(1)));
    assertThat(counter.count("eth_subscribe")).isEqualTo(1);
    assertOneLogQueryPerRange();
    assertThat(counter.count("eth_subscribe")).as("no resubscription").isZero();
  }

  private void follow(NodeConnector connector) {
    follower = opened.add(new ChainFollower(connector, FollowerConfig.defaults()));
    for (String lottery : lotteries) {
      RecordingConsumer consumer = new RecordingConsumer();
      consumers.add(consumer);
      follower.follow(lottery, 0, consumer);
    }
    follower.start();
    awaitEveryConsumerAtHead();
  }

  private void assertOneLogQueryPerRange() {
    counter.reset();
    int rangesBefore = logRanges(consumers.get(0)).size();
    chain.setAutomine(false);
    long bets = 0;
    for (int block = 0; block < BLOCKS; block++) {
      for (int i = 0; i < EVENTS_PER_BLOCK; i++) {
        String lottery = lotteries.get((block * 17 + i * 3) % CONTRACTS);
        chain.send(Lotteries.bet(chain.account(i % 10), lottery, ++bets));
      }
      chain.mine(1);
      awaitEveryConsumerAtHead();
    }

    List<FollowerEvent.Logs> newRanges =
        logRanges(consumers.get(0)).subList(rangesBefore, logRanges(consumers.get(0)).size());
    for (RecordingConsumer consumer : consumers) {
      List<FollowerEvent.Logs> ranges = logRanges(consumer);
      assertThat(ranges.subList(ranges.size() - newRanges.size(), ranges.size()))
          .extracting(FollowerEvent.Logs::fromBlock, FollowerEvent.Logs::toBlock)
          .isEqualTo(
              newRanges.stream()
                  .map(r -> org.assertj.core.groups.Tuple.tuple(r.fromBlock(), r.toBlock()))
                  .toList());
      consumer.assertConsistent();
    }
    assertThat(newRanges).hasSizeBetween(1, BLOCKS);
    assertThat(counter.count("eth_getLogs")).isEqualTo(newRanges.size());
    assertThat(counter.logQueryAddresses()).allMatch(addresses -> addresses == CONTRACTS);
    long betsDelivered =
        consumers.stream()
            .flatMap(consumer -> consumer.view().stream())
            .filter(log -> Lotteries.tag(log).isPresent())
            .count();
    assertThat(betsDelivered).isEqualTo(bets);
    for (int i = 0; i < CONTRACTS; i++) {
      assertThat(consumers.get(i).view()).isEqualTo(chain.canonicalLogs(List.of(lotteries.get(i))));
    }
  }

  private void awaitEveryConsumerAtHead() {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              long head = chain.head();
              assertThat(consumers).allMatch(consumer -> consumer.deliveredThrough() == head);
            });
  }

  private static List<FollowerEvent.Logs> logRanges(RecordingConsumer consumer) {
    return consumer.events().stream()
        .filter(FollowerEvent.Logs.class::isInstance)
        .map(FollowerEvent.Logs.class::cast)
        .toList();
  }
}
