package io.enclavelottery.chain.signer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Objects;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
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
    Signer.eip1559For(transaction, chainId);
    return Numeric.toHexString(TransactionEncoder.signMessage(transaction, key.credentials()));
  }

  @JsonValue
  @Override
  public String toString() {
    return "LocalKeySigner[address=" + address() + "]";
  }
}
