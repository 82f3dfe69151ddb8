package io.enclavelottery.operator.reconciler;

import io.enclavelottery.chain.Ether;
import io.enclavelottery.crd.RoundOutcome;
import io.enclavelottery.crd.RoundResult;
import io.enclavelottery.operator.keeper.KeeperEvent;
import io.enclavelottery.operator.keeper.KeeperListener;
import io.enclavelottery.operator.keeper.KeeperStatus;
import io.fabric8.kubernetes.api.model.ObjectReference;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Listens to one LotteryRound's keeper: records each of its events as a Kubernetes Event, keeps the
 * outcome of the last round it ended for the status, and asks for a reconcile whenever the keeper's
 * status changes or something happened, so the status is written from the keeper's state.
 */
final class KeeperReporter implements KeeperListener {

  private final ObjectReference about;
  private final EventRecorder events;
  private final Runnable reconcile;
  private final AtomicReference<RoundResult> lastResult = new AtomicReference<>();

  KeeperReporter(ObjectReference about, EventRecorder events, Runnable reconcile) {
    this.about = Objects.requireNonNull(about, "about");
    this.events = Objects.requireNonNull(events, "events");
    this.reconcile = Objects.requireNonNull(reconcile, "reconcile");
  }

  @Override
  public void onEvent(KeeperEvent event) {
    if (event.warning()) {
      events.warning(about, event.reason(), event.message());
    } else {
      events.normal(about, event.reason(), event.message());
    }
    resultOf(event).ifPresent(lastResult::set);
    reconcile.run();
  }

  @Override
  public void onStatus(KeeperStatus status) {
    reconcile.run();
  }

  /** How the last round this keeper ended came out, if it ended one. */
  Optional<RoundResult> lastResult() {
    return Optional.ofNullable(lastResult.get());
  }

  private static Optional<RoundResult> resultOf(KeeperEvent event) {
    if (event instanceof KeeperEvent.WinnerDrawn drawn) {
      return Optional.of(
          new RoundResult(
              drawn.roundId(),
              RoundOutcome.DRAWN,
              drawn.winner(),
              Ether.of(drawn.prize()),
              Ether.of(drawn.pot()),
              null,
              drawn.ended().at().toString(),
              drawn.ended().transactionHash()));
    }
    if (event instanceof KeeperEvent.RoundRefunded refunded) {
      return Optional.of(
          new RoundResult(
              refunded.roundId(),
              RoundOutcome.REFUNDED,
              null,
              null,
              null,
              refunded.why(),
              refunded.ended().at().toString(),
              refunded.ended().transactionHash()));
    }
    return Optional.empty();
  }
}
