package io.enclavelottery.operator.reconciler;

import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Owns every status write of a LotteryRound: stamps the conditions (a transition time that moves
 * only when a condition's status does, the generation it was set for) and asks for a status patch
 * only when the new status differs from the stored one. The latest block alone never causes a
 * write: it rides along with real changes.
 */
public final class StatusRecorder {

  private final Clock clock;

  public StatusRecorder(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Puts {@code next} on {@code resource} and returns a status patch, or returns no update (and
   * leaves the resource alone) when nothing but the latest block changed.
   */
  public UpdateControl<LotteryRound> record(LotteryRound resource, LotteryRoundStatus next) {
    LotteryRoundStatus previous = resource.getStatus();
    LotteryRoundStatus stamped = stamp(next, previous, resource.getMetadata().getGeneration());
    if (previous != null && withoutBlock(previous).equals(withoutBlock(stamped))) {
      return UpdateControl.noUpdate();
    }
    resource.setStatus(stamped);
    return UpdateControl.patchStatus(resource);
  }

  private LotteryRoundStatus stamp(
      LotteryRoundStatus next, LotteryRoundStatus previous, Long generation) {
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    List<LotteryCondition> conditions =
        next.conditions().stream()
            .map(
                c -> {
                  Optional<LotteryCondition> before =
                      previous == null ? Optional.empty() : previous.condition(c.type());
                  String since =
                      before
                          .filter(b -> b.status() == c.status())
                          .map(LotteryCondition::lastTransitionTime)
                          .orElse(now);
                  return new LotteryCondition(
                      c.type(), c.status(), c.reason(), c.message(), since, generation);
                })
            .toList();
    return new LotteryRoundStatus(
        generation,
        next.phase(),
        conditions,
        next.chainId(),
        next.latestBlock(),
        next.operatorAddress(),
        next.signerAttestation(),
        next.operatorBalance(),
        next.bond(),
        next.maxPot(),
        next.unrevealedRounds(),
        next.round(),
        next.lastResult(),
        next.history(),
        next.pendingTransaction(),
        next.pendingSettings(),
        next.frontendUrl(),
        next.lastError());
  }

  private static LotteryRoundStatus withoutBlock(LotteryRoundStatus status) {
    return new LotteryRoundStatus(
        status.observedGeneration(),
        status.phase(),
        status.conditions(),
        status.chainId(),
        null,
        status.operatorAddress(),
        status.signerAttestation(),
        status.operatorBalance(),
        status.bond(),
        status.maxPot(),
        status.unrevealedRounds(),
        status.round(),
        status.lastResult(),
        status.history(),
        status.pendingTransaction(),
        status.pendingSettings(),
        status.frontendUrl(),
        status.lastError());
  }
}
