package io.enclavelottery.chain.follower;

import static io.enclavelottery.chain.follower.FakeChain.Event;
import static io.enclavelottery.chain.follower.FakeChain.address;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A follow delayed by {@link ConfirmationDelay} on a follower without confirmations receives what a
 * follower with those confirmations would deliver, while the shared follower's other follows stay
 * at the head and one log query still serves them all.
 */
class ConfirmationDelayTest {

  private static final String A = address(0xa);
  private static final int DEPTH = 3;

  private final FakeChain chain = new FakeChain();
  private int dataCounter;

  /** The reference: a follower of its own at the wanted depth. */
  private final ChainSync deep =
      new ChainSync(FollowerConfig.defaults().withConfirmations(DEPTH), h -> {});

  private final RecordingConsumer deepConsumer = new RecordingConsumer();
  private final RecordingConsumer delayed = new RecordingConsumer();
  private final RecordingConsumer atHead = new RecordingConsumer();
  private final ConfirmationDelay delay = new ConfirmationDelay(DEPTH, delayed);

  /** The shared follower: no confirmations, one follow at the head, one delayed. */
  private final ChainSync shared = new ChainSync(FollowerConfig.defaults(), delay);

  ConfirmationDelayTest() {
    deep.add(new FollowedContract(1, FollowRequest.from(A, 0), deepConsumer, deep::remove));
    shared.add(new FollowedContract(2, FollowRequest.from(A, 0), atHead, shared::remove));
    shared.add(new FollowedContract(3, FollowRequest.from(A, 0), delay, shared::remove));
  }

  private Event event() {
    return Event.of(A, "0x" + Integer.toHexString(++dataCounter));
  }

  private void mine(int blocks) {
    for (int i = 0; i < blocks; i++) {
      chain.mine(event());
    }
  }

  private void stepBoth() {
    while (deep.step(chain)) {
      // catching up
    }
    while (shared.step(chain)) {
      // catching up
    }
  }

  private void assertDelayedMatchesTheDeepFollower() {
    assertThat(delayed.view()).isEqualTo(deepConsumer.view());
    assertThat(delayed.deliveredThrough()).isEqualTo(deepConsumer.deliveredThrough());
    assertThat(atHead.deliveredThrough()).isEqualTo(chain.head());
    delayed.assertConsistent();
    atHead.assertConsistent();
  }

  @Test
  void deliversWhatAFollowerWithTheConfirmationsDeliversAndNoEarlier() {
    mine(10);
    stepBoth();
    assertThat(delayed.deliveredThrough()).isEqualTo(chain.head() - DEPTH);
    assertDelayedMatchesTheDeepFollower();
    for (int i = 0; i < 5; i++) {
      mine(1);
      stepBoth();
      assertDelayedMatchesTheDeepFollower();
    }
    assertThat(delayed.view())
        .isEqualTo(
            chain.canonicalLogs(A).stream()
                .filter(log -> log.blockNumber() <= chain.head() - DEPTH)
                .toList());
  }

  @Test
  void oneLogQueryPerNewBlockServesTheDelayedFollowAndTheOneAtTheHead() {
    mine(10);
    stepBoth();
    for (int i = 0; i < 5; i++) {
      mine(1);
      chain.logQueries.clear();
      while (shared.step(chain)) {
        // catching up
      }
      assertThat(chain.logQueries).hasSize(1);
    }
  }

  @Test
  void aReorgOfBlocksStillHeldRetractsNothingDownstream() {
    mine(10);
    stepBoth();
    chain.reorg(DEPTH, List.of(List.of(event()), List.of(), List.of(event(), event())));
    stepBoth();
    mine(DEPTH);
    stepBoth();
    assertThat(atHead.retractions()).hasSize(1);
    assertThat(delayed.retractions()).isEmpty();
    assertDelayedMatchesTheDeepFollower();
  }

  @Test
  void aDeeperReorgRetractsWhatWasPassedOnAsTheDeepFollowerWould() {
    mine(10);
    stepBoth();
    chain.reorg(
        DEPTH + 2, List.of(List.of(event()), List.of(), List.of(event()), List.of(), List.of()));
    stepBoth();
    assertThat(delayed.retractions()).isEqualTo(deepConsumer.retractions()).hasSize(1);
    mine(2);
    stepBoth();
    assertDelayedMatchesTheDeepFollower();
  }

  @Test
  void aNegativeDelayIsRefused() {
    assertThatThrownBy(() -> new ConfirmationDelay(-1, delayed))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("extraBlocks");
  }
}
