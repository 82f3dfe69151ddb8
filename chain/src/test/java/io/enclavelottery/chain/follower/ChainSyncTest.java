package io.enclavelottery.chain.follower;

import static io.enclavelottery.chain.follower.FakeChain.Event;
import static io.enclavelottery.chain.follower.FakeChain.address;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ChainSyncTest {

  private static final String A = address(0xa);
  private static final String B = address(0xb);

  private final FakeChain chain = new FakeChain();
  private final List<BlockHeader> heads = new ArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private int dataCounter;

  private ChainSync sync(FollowerConfig config) {
    return new ChainSync(config, heads::add);
  }

  private ChainSync sync(int confirmations) {
    return sync(FollowerConfig.defaults().withConfirmations(confirmations));
  }

  private FollowedContract follow(ChainSync sync, FollowRequest request, LogConsumer consumer) {
    FollowedContract follow =
        new FollowedContract(ids.incrementAndGet(), request, consumer, sync::remove);
    sync.add(follow);
    return follow;
  }

  private RecordingConsumer follow(ChainSync sync, String address, long fromBlock) {
    RecordingConsumer consumer = new RecordingConsumer();
    follow(sync, FollowRequest.from(address, fromBlock), consumer);
    return consumer;
  }

  private static void drain(ChainSync sync, FakeChain chain) {
    int steps = 0;
    while (sync.step(chain)) {
      assertThat(++steps).as("steps to catch up").isLessThan(10_000);
    }
  }

  private Event event(String address) {
    return Event.of(address, "0x" + Integer.toHexString(++dataCounter));
  }

  private void mineWithEvents(int blocks, String... addresses) {
    for (int i = 0; i < blocks; i++) {
      List<Event> events = new ArrayList<>();
      for (String address : addresses) {
        events.add(event(address));
      }
      chain.mine(events.toArray(Event[]::new));
    }
  }

  @Test
  void deliversEveryLogOnceInChainOrderPerContract() {
    ChainSync sync = sync(0);
    RecordingConsumer a = follow(sync, A, 0);
    RecordingConsumer b = follow(sync, B, 0);
    chain.mine(event(A), event(B), event(A));
    chain.mineEmpty(2);
    chain.mine(event(B), event(B), event(A));
    drain(sync, chain);
    chain.mine(event(A));
    drain(sync, chain);

    assertThat(a.view()).isEqualTo(chain.canonicalLogs(A)).hasSize(4);
    assertThat(b.view()).isEqualTo(chain.canonicalLogs(B)).hasSize(3);
    a.assertConsistent();
    b.assertConsistent();
    assertThat(a.deliveredThrough()).isEqualTo(chain.head());
  }

  @Test
  void oneLogQueryPerNewRangeHoweverManyContracts() {
    ChainSync sync = sync(0);
    List<RecordingConsumer> consumers = new ArrayList<>();
    List<String> addresses = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      addresses.add(address(i));
      consumers.add(follow(sync, address(i), 0));
    }
    drain(sync, chain);
    for (int round = 0; round < 5; round++) {
      mineWithEvents(1, addresses.subList(round * 20, round * 20 + 20).toArray(String[]::new));
      chain.logQueries.clear();
      drain(sync, chain);
      assertThat(chain.logQueries).hasSize(1);
      assertThat(chain.logQueries.get(0).addresses()).hasSize(100);
    }
    for (int i = 0; i < 100; i++) {
      assertThat(consumers.get(i).view()).isEqualTo(chain.canonicalLogs(addresses.get(i)));
      consumers.get(i).assertConsistent();
    }
  }

  @Test
  void aNewBlockCostsOneHeadReadAndOneLogQuery() {
    ChainSync sync = sync(0);
    RecordingConsumer consumer = follow(sync, A, 0);
    drain(sync, chain);
    for (int round = 0; round < 3; round++) {
      mineWithEvents(1, A);
      chain.calls.set(0);
      assertThat(sync.step(chain)).isFalse();
      // the head's parent is the window's tip: it is not fetched again
      assertThat(chain.calls.get()).isEqualTo(2);
    }
    assertThat(consumer.view()).isEqualTo(chain.canonicalLogs(A));
  }

  @Test
  void deliversOnlyOnceConfirmationsDeep() {
    ChainSync sync = sync(3);
    RecordingConsumer a = follow(sync, A, 0);
    BlockHeader withBet = chain.mine(event(A));
    drain(sync, chain);
    assertThat(a.view()).isEmpty();
    chain.mineEmpty(2);
    drain(sync, chain);
    assertThat(a.view()).isEmpty();
    assertThat(a.deliveredThrough()).isEqualTo(withBet.number() - 1);
    chain.mineEmpty(1);
    drain(sync, chain);
    assertThat(a.view()).isEqualTo(chain.canonicalLogs(A)).hasSize(1);
    assertThat(sync.latestHead() - sync.lastDelivered()).isEqualTo(3);
  }

  @Test
  void reorgRetractsWhatItReplacedThenDeliversTheNewChain() {
    ChainSync sync = sync(0);
    RecordingConsumer a = follow(sync, A, 0);
    RecordingConsumer b = follow(sync, B, 0);
    mineWithEvents(5, A, B);
    drain(sync, chain);
    List<ChainLog> before = chain.canonicalLogs(A);
    long head = chain.head();

    chain.reorg(3, List.of(List.of(event(A)), List.of(), List.of(event(B), event(A)), List.of()));
    drain(sync, chain);

    assertThat(a.retractions()).hasSize(1);
    FollowerEvent.Retracted retracted = a.retractions().get(0);
    assertThat(retracted.forkBlock()).isEqualTo(head - 3);
    assertThat(retracted.logs())
        .as("the replaced logs, newest first")
        .containsExactly(before.get(4), before.get(3), before.get(2));
    assertThat(a.view()).isEqualTo(chain.canonicalLogs(A));
    assertThat(b.view()).isEqualTo(chain.canonicalLogs(B));
    a.assertConsistent();
    b.assertConsistent();
    assertThat(heads.get(heads.size() - 1).number()).isEqualTo(chain.head());
  }

  @Test
  void reorgAtTheSameHeightIsDetected() {
    ChainSync sync = sync(0);
    RecordingConsumer a = follow(sync, A, 0);
    mineWithEvents(4, A);
    drain(sync, chain);
    long head = chain.head();
    chain.reorg(2, List.of(List.of(event(A)), List.of()));
    assertThat(chain.head()).isEqualTo(head);
    drain(sync, chain);
    assertThat(a.retractions()).singleElement().extracting(r -> r.logs().size()).isEqualTo(2);
    assertThat(a.view()).isEqualTo(chain.canonicalLogs(A));
    a.assertConsistent();
  }

  @Test
  void reorgShallowerThanTheConfirmationsRetractsNothing() {
    ChainSync sync = sync(3);
    RecordingConsumer a = follow(sync, A, 0);
    mineWithEvents(6, A);
    drain(sync, chain);
    chain.reorg(2, List.of(List.of(event(A)), List.of(event(A)), List.of()));
    drain(sync, chain);
    mineWithEvents(3, A);
    drain(sync, chain);
    assertThat(a.retractions()).isEmpty();
    assertThat(a.view())
        .isEqualTo(
            chain.canonicalLogs(A).stream()
                .filter(log -> log.blockNumber() <= chain.head() - 3)
                .toList());
    a.assertConsistent();
  }

  @Test
  void rollbackToAShorterChainRetracts() {
    ChainSync sync = sync(0);
    RecordingConsumer a = follow(sync, A, 0);
    mineWithEvents(4, A);
    drain(sync, chain);
    chain.rollback(2);
    drain(sync, chain);
    assertThat(a.retractions()).singleElement().extracting(r -> r.logs().size()).isEqualTo(2);
    assertThat(a.view()).isEqualTo(chain.canonicalLogs(A));
    mineWithEvents(3, A);
    drain(sync, chain);
    assertThat(a.view()).isEqualTo(chain.canonicalLogs(A));
    a.assertConsistent();
  }

  @Test
  void reorgDeeperThanTheWindowRetractsTheWindowAndCarriesOn() {
    ChainSync sync = sync(FollowerConfig.defaults().withReorgWindow(8));
    RecordingConsumer a = follow(sync, A, 0);
    mineWithEvents(20, A);
    drain(sync, chain);
    List<List<Event>> replacement = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      replacement.add(List.of(event(A)));
    }
    chain.reorg(12, replacement);
    drain(sync, chain);

    FollowerEvent.Retracted retracted = a.retractions().get(0);
    assertThat(retracted.logs()).hasSize(8);
    assertThat(retracted.forkBlock()).isEqualTo(chain.head() - 8);
    List<ChainLog> canonical = chain.canonicalLogs(A);
    assertThat(a.view())
        .endsWith(
            canonical.subList(canonical.size() - 8, canonical.size()).toArray(ChainLog[]::new));
    a.assertConsistent();
  }

  @Test
  void refusedRangesAreHalvedAndGrowBackAfterSuccesses() {
    ChainSync sync = sync(FollowerConfig.defaults().withChunkBlocks(2_000));
    RecordingConsumer a = follow(sync, A, 0);
    for (int i = 0; i < 100; i++) {
      chain.mine(event(A));
      chain.mineEmpty(9);
    }
    chain.refuseRangesOver(100);
    drain(sync, chain);
    assertThat(a.view()).isEqualTo(chain.canonicalLogs(A)).hasSize(100);
    assertThat(sync.chunkBlocks()).isLessThan(2_000);
    long refused = chain.logQueries.stream().filter(query -> query.blockCount() > 100).count();
    assertThat(refused).isPositive().isLessThan(chain.logQueries.size() / 3);

    chain.refuseRangesOver(Integer.MAX_VALUE);
    chain.mineEmpty(20_000);
    drain(sync, chain);
    assertThat(sync.chunkBlocks()).isEqualTo(2_000);
    a.assertConsistent();
  }

  @Test
  void followAddedMidStreamIsBackfilledThenJoinsTheSharedQuery() {
    ChainSync sync = sync(0);
    RecordingConsumer a = follow(sync, A, 0);
    mineWithEvents(30, A, B);
    drain(sync, chain);
    RecordingConsumer b = follow(sync, B, 5);
    chain.mine(event(A), event(B));
    assertThat(sync.step(chain)).isFalse();
    assertThat(a.view()).isEqualTo(chain.canonicalLogs(A));
    assertThat(b.view())
        .isEqualTo(chain.canonicalLogs(B).subList(4, chain.canonicalLogs(B).size()));

    chain.mine(event(A), event(B));
    chain.logQueries.clear();
    drain(sync, chain);
    assertThat(chain.logQueries)
        .singleElement()
        .extracting(LogQuery::addresses)
        .isEqualTo(List.of(A, B));
    a.assertConsistent();
    b.assertConsistent();
    assertThat(a.retractions()).isEmpty();
  }

  @Test
  void backfillOfANewFollowDoesNotHoldUpTheOthers() {
    ChainSync sync = sync(FollowerConfig.defaults().withChunkBlocks(10));
    RecordingConsumer a = follow(sync, A, 0);
    mineWithEvents(100, A, B);
    drain(sync, chain);
    RecordingConsumer b = follow(sync, B, 0);
    chain.mine(event(A));
    sync.step(chain);
    assertThat(a.deliveredThrough()).isEqualTo(chain.head());
    assertThat(b.deliveredThrough()).isEqualTo(9);
    drain(sync, chain);
    assertThat(b.view()).isEqualTo(chain.canonicalLogs(B));
  }

  @Test
  void logsFromAnotherForkThanTheWindowAreNotDelivered() {
    ChainSync sync = sync(0);
    RecordingConsumer a = follow(sync, A, 0);
    mineWithEvents(3, A);
    drain(sync, chain);
    chain.mine(event(A));
    chain.beforeNextLogs(() -> chain.reorg(1, List.of(List.of(event(A), event(A)))));
    assertThat(sync.step(chain)).as("step dropped, more to do").isTrue();
    assertThat(a.view()).hasSize(3);
    drain(sync, chain);
    assertThat(a.view()).isEqualTo(chain.canonicalLogs(A)).hasSize(5);
    a.assertConsistent();
  }

  @Test
  void followFromHeadSkipsHistory() {
    ChainSync sync = sync(1);
    mineWithEvents(5, A);
    RecordingConsumer a = new RecordingConsumer();
    FollowedContract follow = follow(sync, FollowRequest.fromHead(A), a);
    assertThat(follow.deliveredThrough()).isEqualTo(-1);
    drain(sync, chain);
    assertThat(a.view()).isEmpty();
    assertThat(follow.deliveredThrough()).isEqualTo(chain.head() - 1);
    mineWithEvents(2, A);
    drain(sync, chain);
    List<ChainLog> all = chain.canonicalLogs(A);
    assertThat(a.view()).containsExactly(all.get(4), all.get(5));
  }

  @Test
  void eventFilterNarrowsTheQueryAndTheDelivery() {
    ChainSync sync = sync(0);
    RecordingConsumer a = new RecordingConsumer();
    follow(sync, FollowRequest.from(A, 0).onlyEvents(Set.of(FakeChain.TOPIC_B)), a);
    chain.mine(event(A), new Event(A, FakeChain.TOPIC_B, "0x01"));
    drain(sync, chain);
    assertThat(a.view()).singleElement().extracting(ChainLog::data).isEqualTo("0x01");
    assertThat(chain.logQueries)
        .allMatch(query -> query.topic0s().equals(Set.of(FakeChain.TOPIC_B)));
  }

  @Test
  void aThrowingConsumerIsCountedAndTheOthersCarryOn() {
    ChainSync sync = sync(0);
    FollowedContract failing =
        follow(
            sync,
            FollowRequest.from(A, 0),
            event -> {
              throw new IllegalStateException("consumer bug");
            });
    RecordingConsumer b = follow(sync, B, 0);
    mineWithEvents(3, A, B);
    drain(sync, chain);
    mineWithEvents(1, A, B);
    drain(sync, chain);
    assertThat(failing.consumerFailures()).isPositive();
    assertThat(failing.deliveredThrough()).isEqualTo(chain.head());
    assertThat(b.view()).isEqualTo(chain.canonicalLogs(B));
  }

  @Test
  void headListenerHearsEveryNewTipBeforeConfirmation() {
    ChainSync sync = sync(5);
    follow(sync, A, 0);
    drain(sync, chain);
    chain.mineEmpty(1);
    drain(sync, chain);
    chain.mineEmpty(1);
    drain(sync, chain);
    drain(sync, chain);
    assertThat(heads).extracting(BlockHeader::number).containsExactly(0L, 1L, 2L);
  }

  @Test
  void unfollowedContractGetsNothingMore() {
    ChainSync sync = sync(0);
    RecordingConsumer a = new RecordingConsumer();
    FollowedContract follow = follow(sync, FollowRequest.from(A, 0), a);
    mineWithEvents(2, A);
    drain(sync, chain);
    follow.close();
    mineWithEvents(2, A);
    drain(sync, chain);
    assertThat(a.view()).hasSize(2);
    assertThat(sync.followCount()).isZero();
  }
}
