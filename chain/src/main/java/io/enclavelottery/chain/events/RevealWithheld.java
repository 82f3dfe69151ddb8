package io.enclavelottery.chain.events;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A committed round expired without a reveal: the penalty was taken from the bond for its players.
 *
 * @param position where the log is on chain
 * @param roundId the round
 * @param penalty wei taken from the bond
 * @param unrevealedRounds the contract's count of such rounds, now
 * @param timestamp the block time the contract recorded
 */
public record RevealWithheld(
    EventPosition position,
    long roundId,
    BigInteger penalty,
    long unrevealedRounds,
    Instant timestamp)
    implements RoundEvent {}
