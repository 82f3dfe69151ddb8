package io.enclavelottery.enclave.signer;

import io.enclavelottery.chain.tx.Fees;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What the caller chooses for a transaction the signer builds itself ({@code commitSeed}, {@code
 * drawWinner}): the nonce, the gas limit and the fees. The payload is the signer's.
 *
 * @param nonce the operator account's nonce
 * @param gasLimit the gas limit
 * @param fees the EIP-1559 fees
 */
public record TransactionTerms(BigInteger nonce, BigInteger gasLimit, Fees fees) {

  public TransactionTerms {
    Objects.requireNonNull(nonce, "nonce");
    Objects.requireNonNull(gasLimit, "gasLimit");
    Objects.requireNonNull(fees, "fees");
    if (nonce.signum() < 0) {
      throw new IllegalArgumentException("the nonce must not be negative");
    }
    if (gasLimit.signum() <= 0) {
      throw new IllegalArgumentException("the gas limit must be positive");
    }
  }
}
