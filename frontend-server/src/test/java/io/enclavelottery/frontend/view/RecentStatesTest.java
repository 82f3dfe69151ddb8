package io.enclavelottery.frontend.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.events.LotteryEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Going back to the state at a fork block, replaying what an update spanning the fork applied. */
class RecentStatesTest {

  @Test
  void aForkInsideAnUpdateReplaysItsEventsUpToTheFork() {
    RecentStates recent = new RecentStates(10);
    ViewState at5 = state(5);
    recent.add(at5, List.of());
    List<LotteryEvent> events =
        List.of(Events.bet(6, 1, Events.ALICE, 1, 1), Events.bet(8, 1, Events.BOB, 1, 2));
    recent.add(state(9), events);

    RecentStates.Rollback rollback = recent.rollBackTo(7).orElseThrow();
    assertThat(rollback.base()).isSameAs(at5);
    assertThat(rollback.replay()).containsExactly(events.get(0));
  }

  @Test
  void aForkAtAKeptStateNeedsNoReplayAndOneBelowEverythingCannotBeUndone() {
    RecentStates recent = new RecentStates(3);
    for (long block = 1; block <= 10; block++) {
      recent.add(state(block), List.of());
    }
    assertThat(recent.rollBackTo(8).orElseThrow().base().block()).isEqualTo(8);
    assertThat(recent.rollBackTo(8).orElseThrow().replay()).isEmpty();
    assertThat(recent.rollBackTo(2)).as("older than the window").isEmpty();
  }

  private static ViewState state(long block) {
    ViewSnapshot empty = ViewSnapshot.empty(31337, Events.CONTRACT);
    return new ViewState(
        empty.withSync(new SyncStatus(31337, Events.CONTRACT, block, block, true)),
        false,
        Set.of());
  }
}
