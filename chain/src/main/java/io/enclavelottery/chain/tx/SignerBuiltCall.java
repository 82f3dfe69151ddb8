package io.enclavelottery.chain.tx;

import io.enclavelottery.chain.contract.ContractCall;
import java.math.BigInteger;
import java.util.Optional;

/**
 * A transaction whose payload its signer builds and signs itself, such as the enclave signer's
 * {@code commitSeed} and {@code drawWinner}: the sender chooses only the nonce, the gas limit and
 * the fees, so a draw's seed never passes through the sender before it is signed. Sending it
 * through the same {@link TransactionSender} as ordinary calls keeps one nonce sequence for both; a
 * signer that refuses a second payload for a nonce it already signed is never asked for one.
 *
 * <p>Once signed, the payload is the only one its nonce can carry, so the sender broadcasts what it
 * signed and replaces a stuck version only by asking the signer again at the same nonce with higher
 * fees — never with a cancelling transfer.
 */
public interface SignerBuiltCall {

  /** The contract function, for logs and results. */
  String function();

  /**
   * A call that reverts, and costs gas, as the built transaction will: simulated and estimated
   * before anything is signed. Empty when none can be made without the payload (a draw needs its
   * seed); then the sender signs with {@link #gasLimit()} and simulates nothing.
   */
  Optional<ContractCall> standIn();

  /** The gas limit when there is no {@link #standIn()} to estimate. */
  BigInteger gasLimit();

  /**
   * Has the signer build and sign the transaction.
   *
   * @return the signed transaction as {@code 0x} hex, for {@code eth_sendRawTransaction}
   * @throws io.enclavelottery.chain.signer.SigningException when the signer refuses or cannot be
   *     reached
   */
  String sign(BigInteger nonce, BigInteger gasLimit, Fees fees);
}
