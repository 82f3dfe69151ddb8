package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.contract.Round;
import java.time.Instant;

/**
 * Betting is open and no seed is committed. The seed is committed, with the round's current {@code
 * endTime}, as soon as the round has {@code minParticipants} players, so a round opened by a lone
 * dust bet costs no commitment. A round short of players near its end is extended when the policy
 * says so. A round without a commitment at {@code endTime} can only be refunded, which anyone may
 * do at once.
 */
final class UncommittedRoundStep {

  private UncommittedRoundStep() {}

  static Choice choose(Observation observation, Timeline timeline) {
    Round round = observation.round();
    Instant end = round.endTime();
    if (timeline.reached(end)) {
      return timeline.act(
          new Action.RefundExpiredRound(round.roundId()),
          "no seed was committed for round %d by endTime %s: the round can only be refunded"
              .formatted(round.roundId(), end));
    }
    long players = round.participantCount();
    long needed = observation.settings().minParticipants();
    String has = "round %d has %d of %d players".formatted(round.roundId(), players, needed);
    if (players >= needed) {
      return commit(observation, timeline, has);
    }
    if (!observation.policy().extendWhenShort()) {
      return timeline.idle(
          "waiting for players: %s; without them it is refunded after endTime %s"
              .formatted(has, end),
          end);
    }
    Instant extendFrom = end.minus(observation.policy().timing().extendWithin());
    if (!timeline.reached(extendFrom)) {
      return timeline.idle(
          "waiting for players: %s; betting is extended from %s if still short"
              .formatted(has, extendFrom),
          extendFrom,
          end);
    }
    return extend(observation, timeline, has);
  }

  private static Choice commit(Observation observation, Timeline timeline, String has) {
    Round round = observation.round();
    Instant end = round.endTime();
    if (timeline.landsAt().isAfter(end)) {
      return timeline.idle(tooLate(has, "a commitment", end), end);
    }
    if (observation.seed() != SeedAvailability.AVAILABLE) {
      return timeline.idle(
          "%s but the signer cannot supply a seed to commit; without a commitment by endTime %s"
                  .formatted(has, end)
              + " it is refunded",
          end);
    }
    return timeline.act(
        new Action.CommitSeed(round.roundId(), end),
        "%s: committing the seed for endTime %s".formatted(has, end));
  }

  private static Choice extend(Observation observation, Timeline timeline, String has) {
    Round round = observation.round();
    Instant end = round.endTime();
    if (timeline.landsAt().isAfter(end)) {
      return timeline.idle(tooLate(has, "an extension", end), end);
    }
    return Extension.newEndTime(
            round, observation.settings(), observation.policy().timing(), timeline.landsAt())
        .map(
            to ->
                timeline.act(
                    new Action.ExtendBetting(round.roundId(), to),
                    "%s near its end: extending betting from %s to %s".formatted(has, end, to)))
        .orElseGet(
            () ->
                timeline.idle(
                    "%s and its extensions reached the cap of %d s; it is refunded after endTime %s"
                        .formatted(
                            has, observation.settings().maxTotalExtension().toSeconds(), end),
                    end));
  }

  private static String tooLate(String has, String what, Instant end) {
    return "%s but %s sent now would land after endTime %s; the round is refunded after it"
        .formatted(has, what, end);
  }
}
