package io.enclavelottery.enclave.signer;

import io.enclavelottery.chain.contract.Hex32;
import java.util.Objects;

/**
 * A round's commitment and the signed {@code commitSeed} transaction that carries it.
 *
 * @param roundId the round
 * @param commitment {@code keccak256(abi.encode(chainId, contract, roundId, seed))}
 * @param transaction the signed {@code commitSeed(commitment, endTime)}
 */
public record SeedCommitment(long roundId, Hex32 commitment, SignedTransaction transaction) {

  public SeedCommitment {
    Objects.requireNonNull(commitment, "commitment");
    Objects.requireNonNull(transaction, "transaction");
  }
}
