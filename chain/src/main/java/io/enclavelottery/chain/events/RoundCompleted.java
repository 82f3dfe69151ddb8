package io.enclavelottery.chain.events;

import io.enclavelottery.chain.contract.Hex32;
import java.math.BigInteger;
import java.time.Instant;

/**
 * A round was drawn: the winner, the pot and how it was split.
 *
 * @param position where the log is on chain
 * @param roundId the round
 * @param winner the winner
 * @param totalPot the pot, in wei
 * @param winnerPrize the winner's share, in wei
 * @param publisherCommission the publisher's share, in wei
 * @param randomSeed the revealed seed (the event's {@code uint256 randomSeed} as 32 bytes)
 * @param timestamp the block time the contract recorded
 */
public record RoundCompleted(
    EventPosition position,
    long roundId,
    String winner,
    BigInteger totalPot,
    BigInteger winnerPrize,
    BigInteger publisherCommission,
    Hex32 randomSeed,
    Instant timestamp)
    implements RoundEvent {}
