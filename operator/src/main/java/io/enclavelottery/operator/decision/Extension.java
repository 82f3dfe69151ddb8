package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import java.time.Instant;
import java.util.Optional;

/**
 * The new end of betting for an extension executed at {@code landsAt}, by the contract's rules:
 * later than the current end, at least {@code minEndTimeExtension} after execution, and the round's
 * extensions adding up to at most {@code maxTotalExtension}. Whole seconds throughout.
 */
final class Extension {

  private Extension() {}

  static Optional<Instant> newEndTime(
      Round round, LotterySettings settings, DecisionTiming timing, Instant landsAt) {
    long end = round.endTime().getEpochSecond();
    long earliest =
        Math.max(landsAt.getEpochSecond() + settings.minEndTimeExtension().toSeconds(), end + 1);
    long latest = end + settings.maxTotalExtension().minus(round.totalExtension()).toSeconds();
    if (earliest > latest) {
      return Optional.empty();
    }
    long wanted = Math.max(end + ceilSeconds(timing), earliest);
    return Optional.of(Instant.ofEpochSecond(Math.min(wanted, latest)));
  }

  private static long ceilSeconds(DecisionTiming timing) {
    long seconds = timing.extensionLength().toSeconds();
    return timing.extensionLength().toNanosPart() == 0 ? seconds : seconds + 1;
  }
}
