package io.enclavelottery.enclave.signer;

import io.enclavelottery.chain.signer.DrawSeed;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The draw seeds of one contract's rounds, in memory only: one per round, committed once with the
 * round's end time and released — inside a signed draw — only after the signer's own clock has
 * passed that end, every extension signed while the seed was held, and a margin. What the caller
 * says about chain time is never consulted.
 *
 * <p>It also remembers whether a {@code startRound} has been signed since the latest committed
 * round's seed was released: until then, refunds and extensions are refused, since they could only
 * concern the round whose outcome is already known.
 */
final class RoundSeeds {

  /** One round's seed and what the signer has signed about it. */
  private static final class HeldSeed {
    final DrawSeed seed;
    final Instant committedEnd;
    Instant latestEnd;
    boolean released;

    HeldSeed(DrawSeed seed, Instant committedEnd) {
      this.seed = seed;
      this.committedEnd = committedEnd;
      this.latestEnd = committedEnd;
    }
  }

  private final Duration margin;
  private final TreeMap<Long, HeldSeed> seeds = new TreeMap<>();
  private boolean startSignedSinceRelease = true;

  RoundSeeds(Duration margin) {
    this.margin = Objects.requireNonNull(margin, "margin");
    if (margin.isNegative()) {
      throw new IllegalArgumentException("the release margin must not be negative");
    }
  }

  /**
   * The seed to commit for {@code roundId}: the one already committed (with the same end time), or
   * a fresh one from {@code fresh}, which {@link #committed} then keeps.
   */
  DrawSeed seedToCommit(long roundId, Instant endTime, Supplier<DrawSeed> fresh) {
    HeldSeed held = seeds.get(roundId);
    if (held == null) {
      return fresh.get();
    }
    if (held.released) {
      throw SignerRefusal.forbidden(
          "round " + roundId + "'s seed was already released; it is not committed again");
    }
    if (!held.committedEnd.equals(endTime)) {
      throw SignerRefusal.forbidden(
          "round "
              + roundId
              + " was committed with end time "
              + held.committedEnd.getEpochSecond()
              + "; a commitment with another end time ("
              + endTime.getEpochSecond()
              + ") is refused");
    }
    return held.seed;
  }

  /** Keeps {@code seed} as {@code roundId}'s, committed with {@code endTime}. */
  void committed(long roundId, Instant endTime, DrawSeed seed) {
    seeds.putIfAbsent(roundId, new HeldSeed(seed, endTime));
  }

  /**
   * The seed the draw of {@code roundId} reveals, if the signer's clock says {@code now} is past
   * its release time; {@link #released} then marks it.
   */
  DrawSeed seedToRelease(long roundId, Instant now) {
    HeldSeed held = seeds.get(roundId);
    if (held == null) {
      throw new SignerRefusal(
          SignerRefusal.Kind.NOT_FOUND,
          "this signer holds no seed for round "
              + roundId
              + " (never committed here, or lost when the signer restarted)");
    }
    Instant releasableAfter = held.latestEnd.plus(margin);
    if (!held.released && !now.isAfter(releasableAfter)) {
      throw SignerRefusal.forbidden(
          "round "
              + roundId
              + "'s seed is released only after "
              + releasableAfter
              + " by the signer's clock (end time, signed extensions and a "
              + margin.toSeconds()
              + " s margin); the signer's clock says "
              + now);
    }
    return held.seed;
  }

  void released(long roundId) {
    HeldSeed held = seeds.get(roundId);
    held.released = true;
    if (roundId == seeds.lastKey()) {
      startSignedSinceRelease = false;
    }
  }

  /** An extension to {@code newEndTime} was signed: every held, unreleased seed waits for it. */
  void extensionSigned(Instant newEndTime) {
    for (HeldSeed held : seeds.values()) {
      if (!held.released && held.latestEnd.isBefore(newEndTime)) {
        held.latestEnd = newEndTime;
      }
    }
  }

  void startRoundSigned() {
    startSignedSinceRelease = true;
  }

  /** Refuses a refund or extension while the latest committed round's seed is out. */
  void checkRoundStillOpen(String function) {
    if (seeds.isEmpty() || startSignedSinceRelease) {
      return;
    }
    Map.Entry<Long, HeldSeed> latest = seeds.lastEntry();
    if (latest.getValue().released) {
      throw SignerRefusal.forbidden(
          function
              + " is refused: round "
              + latest.getKey()
              + "'s seed has been released and no startRound has been signed since");
    }
  }

  /** What the signer tells about each round's seed (never the seed), by round. */
  List<SignerStatus.Seed> states() {
    List<SignerStatus.Seed> states = new ArrayList<>();
    seeds.forEach(
        (roundId, held) ->
            states.add(
                new SignerStatus.Seed(
                    roundId,
                    held.committedEnd.getEpochSecond(),
                    held.latestEnd.plus(margin).getEpochSecond(),
                    held.released)));
    return states;
  }
}
