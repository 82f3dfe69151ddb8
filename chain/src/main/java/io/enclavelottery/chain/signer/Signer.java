package io.enclavelottery.chain.signer;

import java.util.Objects;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.transaction.type.Transaction1559;

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

  /**
   * The EIP-1559 body of {@code transaction}, checked to be for {@code chainId}: what every signer
   * requires before it signs.
   *
   * @throws SigningException for another transaction type or another chain
   */
  static Transaction1559 eip1559For(RawTransaction transaction, long chainId) {
    Objects.requireNonNull(transaction, "transaction");
    if (!(transaction.getTransaction() instanceof Transaction1559 eip1559)) {
      throw new SigningException(
          "only EIP-1559 transactions are signed, not " + transaction.getType());
    }
    if (eip1559.getChainId() != chainId) {
      throw new SigningException(
          "the transaction is for chain "
              + eip1559.getChainId()
              + " but signing was asked for chain "
              + chainId);
    }
    return eip1559;
  }
}
