package io.enclavelottery.chain.signer;

import org.web3j.crypto.RawTransaction;

/**
 * Signs transactions for one Ethereum address. Implementations hold the key somewhere (in this
 * process, in an enclave); this interface never exposes it, so code that sends transactions cannot
 * reach key material.
 */
public interface Signer {

  /** The lower-case {@code 0x} address whose transactions this signer signs. */
  String address();

  /**
   * Signs an EIP-1559 transaction.
   *
   * @param transaction an EIP-1559 (type 2) transaction
   * @param chainId the chain it is for; must equal the transaction's own chain id
   * @return the signed transaction as {@code 0x}-prefixed hex, ready for {@code
   *     eth_sendRawTransaction}
   * @throws SigningException when the signer refuses or cannot be reached
   */
  String signTransaction(RawTransaction transaction, long chainId);
}
