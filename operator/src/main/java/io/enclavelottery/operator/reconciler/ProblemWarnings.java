package io.enclavelottery.operator.reconciler;

import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryRound;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a LotteryRound's Ready=False into one Warning Event per distinct problem, however many
 * reconciles see it. The last problem warned about is remembered here rather than read back from
 * the resource's status: the informer's copy of the status can lag behind the last patch when
 * reconciles follow each other closely (a dependent created, then the keeper reporting), and would
 * let the same warning out twice. After a controller restart a lasting problem is warned about once
 * more.
 */
final class ProblemWarnings {

  private final EventRecorder events;
  private final Map<ResourceID, String> lastWarned = new ConcurrentHashMap<>();

  ProblemWarnings(EventRecorder events) {
    this.events = events;
  }

  /** Warns when {@code ready} is False for a reason or message not warned about last time. */
  void update(LotteryRound resource, Optional<LotteryCondition> ready) {
    ResourceID id = ResourceID.fromResource(resource);
    Optional<LotteryCondition> problem = ready.filter(c -> c.status() == ConditionStatus.FALSE);
    if (problem.isEmpty()) {
      lastWarned.remove(id);
      return;
    }
    String key = problem.get().reason() + "\n" + problem.get().message();
    if (!key.equals(lastWarned.put(id, key))) {
      events.warning(
          EventRecorder.referenceTo(resource), problem.get().reason(), problem.get().message());
    }
  }

  /** Forgets a deleted resource. */
  void forget(ResourceID id) {
    lastWarned.remove(id);
  }
}
