package io.enclavelottery.chain.signer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

/**
 * Signs with a key held in this process (from a Kubernetes Secret, an environment variable or a
 * file; see {@link KeySource}). Its {@code toString} names only the address.
 */
public final class LocalKeySigner implements Signer {

  private final SigningKey key;

  public LocalKeySigner(SigningKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  @Override
  public String address() {
    return key.address();
  }

  @Override
  public String signTransaction(RawTransaction transaction, long chainId) {
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
    return Numeric.toHexString(TransactionEncoder.signMessage(transaction, key.credentials()));
  }

  @JsonValue
  @Override
  public String toString() {
    return "LocalKeySigner[address=" + address() + "]";
  }
}
