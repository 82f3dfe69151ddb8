package io.enclavelottery.chain.tx;

import java.math.BigInteger;
import java.util.Objects;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The next nonce of one address. It is read from the chain ({@code eth_getTransactionCount} at
 * {@code pending}, which counts the pool) on first use and after {@link #resync()}, and counted up
 * locally in between, so transactions sent back to back get consecutive nonces. Thread-safe.
 *
 * <p>Senders that send from the same address in one process share one sequence ({@link
 * Eip1559TransactionSender}'s constructor takes it): each takes its nonce and submits while holding
 * the sequence, so two of them never pick the same nonce, however the node counts its pool.
 */
public final class NonceSequence {

  private final String address;
  private final TransactionRpc rpc;
  private BigInteger next;

  /**
   * @param address the address whose nonces these are
   * @param rpc the node that counts its transactions
   */
  public NonceSequence(String address, TransactionRpc rpc) {
    this.address = Objects.requireNonNull(address, "address");
    this.rpc = Objects.requireNonNull(rpc, "rpc");
  }

  /** The address whose nonces these are. */
  public String address() {
    return address;
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
