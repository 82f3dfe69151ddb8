package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;

/** A {@link Round} with some values changed: how events change a round without 16-value calls. */
final class RoundBuilder {
  private long roundId;
  private Instant startTime;
  private Instant endTime;
  private Instant minDrawTime;
  private Instant maxDrawTime;
  private BigInteger totalPot;
  private long participantCount;
  private String winner;
  private BigInteger publisherCommission;
  private BigInteger winnerPrize;
  private RoundState state;
  private Hex32 seedCommitment;
  private Hex32 revealedSeed;
  private long betCount;
  private Duration totalExtension;
  private BigInteger revealPenalty;

  RoundBuilder(Round r) {
    roundId = r.roundId();
    startTime = r.startTime();
    endTime = r.endTime();
    minDrawTime = r.minDrawTime();
    maxDrawTime = r.maxDrawTime();
    totalPot = r.totalPot();
    participantCount = r.participantCount();
    winner = r.winner();
    publisherCommission = r.publisherCommission();
    winnerPrize = r.winnerPrize();
    state = r.state();
    seedCommitment = r.seedCommitment();
    revealedSeed = r.revealedSeed();
    betCount = r.betCount();
    totalExtension = r.totalExtension();
    revealPenalty = r.revealPenalty();
  }

  RoundBuilder roundId(long value) {
    roundId = value;
    return this;
  }

  RoundBuilder startTime(Instant value) {
    startTime = value;
    return this;
  }

  RoundBuilder endTime(Instant value) {
    endTime = value;
    return this;
  }

  RoundBuilder minDrawTime(Instant value) {
    minDrawTime = value;
    return this;
  }

  RoundBuilder maxDrawTime(Instant value) {
    maxDrawTime = value;
    return this;
  }

  RoundBuilder totalPot(BigInteger value) {
    totalPot = value;
    return this;
  }

  RoundBuilder participantCount(long value) {
    participantCount = value;
    return this;
  }

  RoundBuilder winner(String value) {
    winner = value;
    return this;
  }

  RoundBuilder publisherCommission(BigInteger value) {
    publisherCommission = value;
    return this;
  }

  RoundBuilder winnerPrize(BigInteger value) {
    winnerPrize = value;
    return this;
  }

  RoundBuilder state(RoundState value) {
    state = value;
    return this;
  }

  RoundBuilder seedCommitment(Hex32 value) {
    seedCommitment = value;
    return this;
  }

  RoundBuilder revealedSeed(Hex32 value) {
    revealedSeed = value;
    return this;
  }

  RoundBuilder betCount(long value) {
    betCount = value;
    return this;
  }

  RoundBuilder totalExtension(Duration value) {
    totalExtension = value;
    return this;
  }

  RoundBuilder revealPenalty(BigInteger value) {
    revealPenalty = value;
    return this;
  }

  Round build() {
    return new Round(
        roundId,
        startTime,
        endTime,
        minDrawTime,
        maxDrawTime,
        totalPot,
        participantCount,
        winner,
        publisherCommission,
        winnerPrize,
        state,
        seedCommitment,
        revealedSeed,
        betCount,
        totalExtension,
        revealPenalty);
  }
}
