package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.follower.LogConsumer;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The controller's chain connections, one per (RPC URL, chain id) however many contracts are kept
 * on it: the first contract kept on a chain opens its {@link ChainConnection}, each further one
 * joins its follower (one {@code eth_getLogs} names them all), and closing the last one closes it.
 */
public final class SharedChains implements AutoCloseable {

  private final MeterRegistry registry;
  private final Map<ChainKey, Shared> chains = new HashMap<>(); // guarded by this

  private record ChainKey(String rpcUrl, long chainId) {}

  /** A connection and how many kept contracts use it. */
  private static final class Shared {
    final ChainConnection connection;
    int users;

    Shared(ChainConnection connection) {
      this.connection = connection;
    }
  }

  /**
   * @param registry where the keepers' and the followers' meters go
   */
  public SharedChains(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * Starts keeping {@code settings}' contract on its chain's shared connection, opening it if this
   * is the chain's first contract. Closing the result releases the connection.
   *
   * @param listener told of the keeper's events and status changes
   * @param alsoTold told of the contract's logs, on the follower's thread
   */
  public synchronized KeptContract keep(
      StandaloneSettings settings, KeeperListener listener, LogConsumer alsoTold) {
    ChainKey key = new ChainKey(settings.rpcUrl(), settings.chainId());
    Shared shared =
        chains.computeIfAbsent(
            key,
            k ->
                new Shared(
                    ChainConnection.open(
                        k.rpcUrl(), k.chainId(), settings.pollInterval(), registry)));
    shared.users++;
    try {
      return KeptContract.start(
          shared.connection, settings, registry, listener, alsoTold, () -> release(key, shared));
    } catch (RuntimeException e) {
      release(key, shared);
      throw e;
    }
  }

  /** How many chains are followed now. */
  public synchronized int chainCount() {
    return chains.size();
  }

  /** Closes every connection (the kept contracts' own close then does nothing more). */
  @Override
  public synchronized void close() {
    chains.values().forEach(shared -> shared.connection.close());
    chains.clear();
  }

  private synchronized void release(ChainKey key, Shared shared) {
    if (chains.get(key) == shared && --shared.users == 0) {
      chains.remove(key);
      shared.connection.close();
    }
  }
}
