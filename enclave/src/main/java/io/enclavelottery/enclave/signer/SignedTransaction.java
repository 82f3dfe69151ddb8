package io.enclavelottery.enclave.signer;

import java.util.Objects;

/**
 * A transaction the signer signed, ready for {@code eth_sendRawTransaction}. {@code toString} shows
 * only the hash: a signed draw carries its seed.
 *
 * @param raw the signed EIP-1559 transaction as {@code 0x} hex
 * @param hash its transaction hash
 */
public record SignedTransaction(String raw, String hash) {

  public SignedTransaction {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(hash, "hash");
  }

  @Override
  public String toString() {
    return "SignedTransaction[hash=" + hash + "]";
  }
}
