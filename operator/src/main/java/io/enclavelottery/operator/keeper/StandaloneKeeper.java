package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.follower.ChainFollower;
import io.enclavelottery.chain.follower.FollowerStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

/**
 * One contract kept without Kubernetes ({@code lottery run}): a {@link ChainConnection} of its own
 * (a connection to the node that reconnects, a {@link ChainFollower} whose heads and the contract's
 * logs wake the keeper and the sender; {@code lottery run}'s feed reads and follows through them
 * too) and the contract kept on it ({@link KeptContract}), with next-block simulation and seeds
 * derived from the operator's key or held by the enclave signer. Nothing fails at start for chain
 * or signer reasons: an unreachable node, a wrong chain or contract, a signer whose attestation
 * does not verify show in {@link #status()} and are retried.
 */
public final class StandaloneKeeper implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StandaloneKeeper.class);

  private final StandaloneSettings settings;
  private final ChainConnection chain;
  private final KeptContract kept;

  private StandaloneKeeper(StandaloneSettings settings, ChainConnection chain, KeptContract kept) {
    this.settings = settings;
    this.chain = chain;
    this.kept = kept;
  }

  /**
   * Starts following the chain and keeping the contract.
   *
   * @param registry where the keeper's and the follower's meters go
   * @param listener told of the keeper's events and status changes
   */
  public static StandaloneKeeper start(
      StandaloneSettings settings, MeterRegistry registry, KeeperListener listener) {
    LOG.info("keeping {}", settings);
    ChainConnection chain =
        ChainConnection.open(
            settings.rpcUrl(), settings.chainId(), settings.pollInterval(), registry);
    try {
      KeptContract kept =
          KeptContract.start(chain, settings, registry, listener, event -> {}, chain::close);
      return new StandaloneKeeper(settings, chain, kept);
    } catch (RuntimeException e) {
      chain.close();
      throw e;
    }
  }

  public KeeperStatus status() {
    return kept.status();
  }

  public FollowerStatus followerStatus() {
    return chain.follower().status();
  }

  /** The chain id the contract is configured on. */
  public long chainId() {
    return settings.chainId();
  }

  /** The latest block the keeper has seen, -1 before any. */
  public long latestBlock() {
    return kept.latestBlock();
  }

  /**
   * The chain follower, which the feed can follow the contract with (one per chain). It delivers at
   * the head, and the keeper closes it.
   */
  public ChainFollower follower() {
    return chain.follower();
  }

  /** The keeper's reconnecting node connection for reads, which the feed can read through too. */
  public Web3j reads() {
    return chain.reads();
  }

  /** Stops the keeper, the follower and the connection. */
  @Override
  public void close() {
    kept.close();
  }
}
