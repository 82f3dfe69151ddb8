package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.follower.ChainLog;
import io.enclavelottery.chain.follower.FollowerEvent;
import io.enclavelottery.chain.follower.LogConsumer;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A contract's logs reconcile its LotteryRound; an empty range does not. */
class ContractEventSourceTest {

  private final List<Event> reconciles = new ArrayList<>();
  private final ContractEventSource source = new ContractEventSource();
  private final ResourceID id = new ResourceID("main", "lottery");

  ContractEventSourceTest() {
    source.setEventHandler(reconciles::add);
    source.start();
  }

  @Test
  void aLogOfTheContractReconcilesItsLotteryRound() {
    source.logsOf(id).accept(new FollowerEvent.Logs(7, 7, List.of(log(7))));

    assertThat(reconciles).extracting(Event::getRelatedCustomResourceID).containsExactly(id);
  }

  @Test
  void aRangeWithoutLogsReconcilesNothing() {
    source.logsOf(id).accept(new FollowerEvent.Logs(7, 9, List.of()));

    assertThat(reconciles).isEmpty();
  }

  @Test
  void aReorganisationReconciles() {
    LogConsumer logs = source.logsOf(id);
    logs.accept(new FollowerEvent.Retracted(6, List.of(log(7))));

    assertThat(reconciles).extracting(Event::getRelatedCustomResourceID).containsExactly(id);
  }

  private static ChainLog log(long block) {
    return new ChainLog(
        "0x" + "5f".repeat(20),
        block,
        "0x" + "01".repeat(32),
        "0x" + "02".repeat(32),
        0,
        0,
        List.of(),
        "0x");
  }
}
