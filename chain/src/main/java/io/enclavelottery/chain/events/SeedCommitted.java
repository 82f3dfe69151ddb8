package io.enclavelottery.chain.events;

import io.enclavelottery.chain.contract.Hex32;
import java.time.Instant;

/**
 * The operator committed the round's seed.
 *
 * @param position where the log is on chain
 * @param roundId the round
 * @param commitment {@code keccak256(abi.encode(chainId, lottery, roundId, seed))}
 * @param endTime the end of betting the commitment was made for
 * @param timestamp the block time the contract recorded
 */
public record SeedCommitted(
    EventPosition position, long roundId, Hex32 commitment, Instant endTime, Instant timestamp)
    implements RoundEvent {}
