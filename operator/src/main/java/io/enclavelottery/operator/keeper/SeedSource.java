package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.tx.Payload;
import io.enclavelottery.operator.decision.SeedAvailability;
import java.time.Instant;

/**
 * Where the keeper gets each round's seed transactions for one contract: calls carrying a seed
 * derived from the operator's key ({@link LocalSeedSource}), or transactions the enclave signer
 * builds with a seed that never leaves it before the draw ({@link EnclaveSeedSource}). The
 * commitment is public as soon as it is sent; the seed is asked for only when the draw is due, and
 * never logged.
 */
public interface SeedSource {

  /** The {@code commitSeed} of {@code roundId}, whose betting ends at {@code endTime}. */
  Payload commit(long roundId, Instant endTime);

  /** The {@code drawWinner} that reveals the seed of {@code roundId}. */
  Payload draw(long roundId);

  /** Whether the seed of {@code roundId} can be had now; a local key always has it. */
  default SeedAvailability availability(long roundId) {
    return SeedAvailability.AVAILABLE;
  }
}
