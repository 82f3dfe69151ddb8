package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.contract.Round;
import java.time.Instant;

/**
 * The round's seed is committed: reveal it in the draw, sent {@code drawLead} before {@code
 * minDrawTime} so that it lands in the first block of the window — even with fewer than {@code
 * minParticipants} players, since that reveal refunds without penalty while withholding costs the
 * bond. A committed round is never extended: commitments are made only once the round has enough
 * players, and players never leave, so the reason to extend cannot arise; extending would only keep
 * betting open longer while the seed's holder knows it. A seed the signer lost is refunded by the
 * operator while betting is open (which spares the bond); after that nothing can be done until
 * {@code maxDrawTime}, when anyone may refund and the bond pays the penalty.
 */
final class CommittedRoundStep {

  private CommittedRoundStep() {}

  static Choice choose(Observation observation, Timeline timeline) {
    Round round = observation.round();
    Instant maxDraw = round.maxDrawTime();
    if (timeline.reached(maxDraw)) {
      return timeline.act(
          new Action.RefundExpiredRound(round.roundId()),
          "the seed of round %d was not revealed by maxDrawTime %s: refunding; the bond pays the"
                  .formatted(round.roundId(), maxDraw)
              + " reveal penalty");
    }
    return switch (observation.seed()) {
      case AVAILABLE -> draw(observation, timeline);
      case UNAVAILABLE ->
          timeline.idle(
              ("the seed of round %d is committed but the signer does not answer; the draw waits"
                      + " for it, and if it is not back by maxDrawTime %s the round is refunded"
                      + " and the bond pays the reveal penalty")
                  .formatted(round.roundId(), maxDraw),
              drawFrom(observation),
              maxDraw);
      case LOST -> lost(round, timeline);
    };
  }

  private static Choice draw(Observation observation, Timeline timeline) {
    Round round = observation.round();
    Instant drawFrom = drawFrom(observation);
    if (!timeline.reached(drawFrom)) {
      return timeline.idle(
          "the seed of round %d is committed; the draw is sent at %s to land at minDrawTime %s"
              .formatted(round.roundId(), drawFrom, round.minDrawTime()),
          drawFrom);
    }
    if (timeline.landsAt().isAfter(round.maxDrawTime())) {
      return timeline.idle(
          "the draw window of round %d closes at %s, before a draw sent now could land; the round"
                  .formatted(round.roundId(), round.maxDrawTime())
              + " is refunded after it",
          round.maxDrawTime());
    }
    long players = round.participantCount();
    long needed = observation.settings().minParticipants();
    String fewPlayers =
        players < needed
            ? "; with %d of %d players the draw refunds without penalty".formatted(players, needed)
            : "";
    return timeline.act(
        new Action.Draw(round.roundId()),
        "the draw window of round %d opens at %s: revealing the seed%s"
            .formatted(round.roundId(), round.minDrawTime(), fewPlayers));
  }

  // The contract refuses an operator refund once a seed is committed: a lost seed is a withheld
  // reveal, refunded after maxDrawTime with the penalty from the bond.
  private static Choice lost(Round round, Timeline timeline) {
    return timeline.idle(
        ("the signer lost the committed seed of round %d: nothing can be done until maxDrawTime"
                + " %s, then the round is refunded and the bond pays the reveal penalty")
            .formatted(round.roundId(), round.maxDrawTime()),
        round.maxDrawTime());
  }

  private static Instant drawFrom(Observation observation) {
    return observation.round().minDrawTime().minus(observation.policy().timing().drawLead());
  }
}
