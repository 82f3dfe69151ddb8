package io.enclavelottery.enclave.signer;

import java.math.BigInteger;

/** What a transaction {@code POST /sign} signs does, once the {@link SigningPolicy} allowed it. */
sealed interface SignedRequest permits OperatorCall, SignedRequest.Payout {

  /** The name the nonce ledger and the log give it. */
  String name();

  /**
   * Ether from the operator's account to the configured payout address, with no call data.
   *
   * @param value the wei sent
   */
  record Payout(BigInteger value) implements SignedRequest {
    @Override
    public String name() {
      return "payout";
    }
  }
}
