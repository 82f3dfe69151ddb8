package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.ChainUnavailableException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/** A {@link ChainView} whose answers a test sets; it can also play an unreachable node. */
final class FakeChainView implements ChainView {

  private volatile long chainId = 31337;
  private volatile long blockNumber = 100;
  private volatile Instant blockTime;
  private volatile BigInteger baseFee = BigInteger.valueOf(1_000_000_000L);
  private volatile BigInteger balance = BigInteger.TEN.pow(18);
  private volatile long inPool;
  private volatile boolean unreachable;
  final AtomicInteger looks = new AtomicInteger();

  FakeChainView(Instant start) {
    this.blockTime = start;
  }

  FakeChainView chainId(long id) {
    chainId = id;
    return this;
  }

  FakeChainView balance(BigInteger wei) {
    balance = wei;
    return this;
  }

  FakeChainView inPool(long transactions) {
    inPool = transactions;
    return this;
  }

  FakeChainView unreachable(boolean down) {
    unreachable = down;
    return this;
  }

  /** A new block {@code seconds} after the latest. */
  synchronized FakeChainView mine(long seconds) {
    blockNumber++;
    blockTime = blockTime.plusSeconds(seconds);
    return this;
  }

  synchronized Instant time() {
    return blockTime;
  }

  synchronized long number() {
    return blockNumber;
  }

  @Override
  public long chainId() {
    reachable();
    return chainId;
  }

  @Override
  public synchronized LatestBlock latestBlock() {
    reachable();
    looks.incrementAndGet();
    return new LatestBlock(blockNumber, blockTime, baseFee);
  }

  @Override
  public BigInteger balance(String address) {
    reachable();
    return balance;
  }

  @Override
  public AccountNonces nonces(String address) {
    reachable();
    return new AccountNonces(BigInteger.valueOf(7), BigInteger.valueOf(7 + inPool));
  }

  @Override
  public synchronized Instant blockTime(long number) {
    reachable();
    return blockTime;
  }

  private void reachable() {
    if (unreachable) {
      throw new ChainUnavailableException(
          "cannot reach the RPC at http://127.0.0.1:1: connection refused");
    }
  }
}
