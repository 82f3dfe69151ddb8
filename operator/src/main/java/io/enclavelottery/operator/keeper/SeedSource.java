package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.signer.DrawSeed;
import io.enclavelottery.operator.decision.SeedAvailability;

/**
 * Where the keeper gets each round's draw seed for one contract: derived from the operator's key
 * ({@link LocalSeedSource}) or, later, held by the enclave signer. The commitment is public as soon
 * as it is sent; the seed is asked for only when the draw is due, and never logged.
 */
public interface SeedSource {

  /** The value {@code commitSeed} takes for {@code roundId}. */
  Hex32 commitment(long roundId);

  /** The seed {@code drawWinner} reveals for {@code roundId}. */
  DrawSeed seed(long roundId);

  /** Whether the seed of {@code roundId} can be had now; a local key always has it. */
  default SeedAvailability availability(long roundId) {
    return SeedAvailability.AVAILABLE;
  }
}
