package io.enclavelottery.chain.tx;

import java.math.BigInteger;
import java.util.Objects;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The next nonce of one address. It is read from the chain ({@code eth_getTransactionCount} at
 * {@code pending}, which counts the pool) on first use and after {@link #resync()}, and counted up
 * locally in between, so transactions sent back to back get consecutive nonces. Thread-safe.
 */
final class NonceSequence {

  private final String address;
  private final TransactionRpc rpc;
  private BigInteger next;

  NonceSequence(String address, TransactionRpc rpc) {
    this.address = Objects.requireNonNull(address, "address");
    this.rpc = Objects.requireNonNull(rpc, "rpc");
  }

  /** The nonce the next transaction should use. */
  synchronized BigInteger peek() {
    if (next == null) {
      next = rpc.transactionCount(address, DefaultBlockParameterName.PENDING);
    }
    return next;
  }

  /** Records that {@code nonce} was taken by a transaction the node accepted. */
  synchronized void used(BigInteger nonce) {
    BigInteger following = nonce.add(BigInteger.ONE);
    if (next == null || following.compareTo(next) > 0) {
      next = following;
    }
  }

  /** Forgets the local count; the next {@link #peek()} reads the chain again. */
  synchronized void resync() {
    next = null;
  }
}
