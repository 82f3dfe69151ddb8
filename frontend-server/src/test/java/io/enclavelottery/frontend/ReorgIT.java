package io.enclavelottery.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.LotteryPlay;
import io.enclavelottery.chain.contract.Participant;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.frontend.view.ActivityItem;
import io.enclavelottery.frontend.view.LotteryView;
import io.enclavelottery.frontend.view.ViewChange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A chain reorganisation on a real Anvil (a snapshot reverted, another transaction mined in the
 * same block): the view drops the undone bet, tells listeners what to retract, and shows the new
 * chain.
 */
class ReorgIT {

  @AutoClose private final Opened opened = new Opened();

  @Test
  void anUndoneBetIsRetractedAndTheNewChainShown() {
    AnvilLottery lottery = opened.add(AnvilLottery.start());
    LotteryPlay play = lottery.play();
    play.bet(play.player(0), LotteryPlay.ether("0.01"));
    FrontendServer server = opened.add(TestServers.start(lottery.anvil(), lottery.contract()));
    LotteryView view = server.app().view();
    await().atMost(Duration.ofSeconds(30)).until(view::isReady);
    List<ViewChange> changes = new CopyOnWriteArrayList<>();
    view.subscribe(changes::add);

    String beforeB = play.snapshot();
    String undone = play.bet(play.player(1), LotteryPlay.ether("0.02")).getTransactionHash();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> view.snapshot().participants().participants().size() == 2);
    play.revert(beforeB);
    play.bet(play.player(2), LotteryPlay.ether("0.03"));
    play.mine();

    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () ->
                assertThat(view.snapshot().participants().participants())
                    .extracting(Participant::address)
                    .containsExactly(play.player(0).address(), play.player(2).address()));
    assertThat(view.snapshot().round().round()).isEqualTo(play.contract().round());
    assertThat(view.snapshot().activities().items())
        .extracting(ActivityItem::transactionHash)
        .doesNotContain(undone);
    assertThat(changes)
        .filteredOn(ViewChange.Retracted.class::isInstance)
        .map(ViewChange.Retracted.class::cast)
        .singleElement()
        .satisfies(
            retracted ->
                assertThat(retracted.activityIds())
                    .singleElement()
                    .asString()
                    .startsWith(undone + ":"));
    int retraction = indexOf(changes, ViewChange.Retracted.class);
    assertThat(changes.subList(retraction, changes.size()))
        .as("the parts the retraction changed follow it")
        .anySatisfy(c -> assertThat(c).isInstanceOf(ViewChange.ParticipantsChanged.class));
  }

  private static int indexOf(List<ViewChange> changes, Class<?> type) {
    for (int i = 0; i < changes.size(); i++) {
      if (type.isInstance(changes.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
