package io.enclavelottery.operator.reconciler;

import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns one condition of a LotteryRound, while it has a given status, into one Warning Event per
 * distinct reason and message, however many reconciles see it: Ready=False, and settings held for a
 * running round (a change the person made has not taken effect yet, and says why). What was
 * announced last is remembered here rather than read back from the resource's status: the
 * informer's copy of the status can lag behind the last patch when reconciles follow each other
 * closely, and would let the same Event out twice. After a controller restart a lasting condition
 * is announced once more.
 */
final class ConditionEvents {

  private final EventRecorder events;
  private final ConditionType type;
  private final ConditionStatus announced;
  private final Map<ResourceID, String> lastAnnounced = new ConcurrentHashMap<>();

  private ConditionEvents(EventRecorder events, ConditionType type, ConditionStatus announced) {
    this.events = Objects.requireNonNull(events, "events");
    this.type = type;
    this.announced = announced;
  }

  /** A Warning Event for each new reason or message of Ready=False. */
  static ConditionEvents problems(EventRecorder events) {
    return new ConditionEvents(events, ConditionType.READY, ConditionStatus.FALSE);
  }

  /** A Warning Event for each new set of settings held until the running round ends. */
  static ConditionEvents heldSettings(EventRecorder events) {
    return new ConditionEvents(events, ConditionType.SETTINGS_IN_SYNC, ConditionStatus.FALSE);
  }

  /** Records an Event when the condition has the announced status for a new reason or message. */
  void update(LotteryRound resource, LotteryRoundStatus next) {
    ResourceID id = ResourceID.fromResource(resource);
    Optional<LotteryCondition> condition =
        next.condition(type).filter(c -> c.status() == announced);
    if (condition.isEmpty()) {
      lastAnnounced.remove(id);
      return;
    }
    LotteryCondition c = condition.get();
    String key = c.reason() + "\n" + c.message();
    if (!key.equals(lastAnnounced.put(id, key))) {
      events.warning(EventRecorder.referenceTo(resource), c.reason(), c.message());
    }
  }

  /** Forgets a deleted resource. */
  void forget(ResourceID id) {
    lastAnnounced.remove(id);
  }
}
