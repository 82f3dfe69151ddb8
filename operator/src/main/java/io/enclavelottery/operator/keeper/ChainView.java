package io.enclavelottery.operator.keeper;

import java.math.BigInteger;
import java.time.Instant;

/**
 * What the keeper reads of the chain besides the contract: the node's chain id, the latest block,
 * and the operator account. Every method throws {@link io.enclavelottery.chain.RpcException} (a
 * {@link io.enclavelottery.chain.contract.ChainUnavailableException}) when the node cannot be
 * asked.
 */
public interface ChainView {

  /** {@code eth_chainId}. */
  long chainId();

  /** The latest block. */
  LatestBlock latestBlock();

  /** The account's balance at the latest block, in wei. */
  BigInteger balance(String address);

  /** The account's nonces: mined, and with the node's pool counted. */
  AccountNonces nonces(String address);

  /** A block's timestamp. */
  Instant blockTime(long number);

  /**
   * The latest block, as far as the keeper needs it.
   *
   * @param number its number
   * @param timestamp its timestamp
   * @param baseFee its base fee per gas in wei (zero on a chain without EIP-1559)
   */
  record LatestBlock(long number, Instant timestamp, BigInteger baseFee) {}

  /**
   * An account's transaction counts.
   *
   * @param mined transactions mined ({@code eth_getTransactionCount} at {@code latest})
   * @param pending the same with the node's pool counted ({@code pending})
   */
  record AccountNonces(BigInteger mined, BigInteger pending) {

    /** How many of the account's transactions wait in the pool. */
    public long inPool() {
      return Math.max(0, pending.subtract(mined).longValueExact());
    }
  }
}
