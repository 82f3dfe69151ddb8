package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.RevertDecoder;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.follower.ChainFollower;
import io.enclavelottery.chain.follower.FollowerConfig;
import io.enclavelottery.chain.follower.FollowerStatus;
import io.enclavelottery.chain.signer.LocalKeySigner;
import io.enclavelottery.chain.signer.LocalSeedDerivation;
import io.enclavelottery.chain.tx.Eip1559TransactionSender;
import io.enclavelottery.chain.tx.NewBlockSignal;
import io.enclavelottery.chain.tx.ReceiptPolicy;
import io.enclavelottery.chain.tx.Web3jTransactionRpc;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

/**
 * One contract kept without Kubernetes ({@code lottery run}): a connection to the node that
 * reconnects, a {@link ChainFollower} whose heads wake the keeper and the sender, the {@link
 * Eip1559TransactionSender} with next-block simulation, seeds derived from the operator's key, and
 * the {@link RoundKeeper}. Nothing fails at start for chain reasons: an unreachable node, a wrong
 * chain or contract show in {@link #status()} and are retried.
 */
public final class StandaloneKeeper implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StandaloneKeeper.class);

  private final StandaloneSettings settings;
  private final Web3j web3j;
  private final Web3j simulatingWeb3j;
  private final ChainClock clock;
  private final ChainFollower follower;
  private final RoundKeeper keeper;

  private StandaloneKeeper(
      StandaloneSettings settings, MeterRegistry registry, KeeperListener listener) {
    this.settings = settings;
    ReconnectingService service = new ReconnectingService(settings.rpcUrl());
    this.web3j = Web3j.build(service);
    this.clock = ChainClock.system();
    this.simulatingWeb3j = Web3j.build(new NextBlockSimulation(service, clock::nextBlockTime));
    NewBlockSignal newBlock = new NewBlockSignal();
    Eip1559TransactionSender sender =
        new Eip1559TransactionSender(
            new Web3jTransactionRpc(simulatingWeb3j),
            new LocalKeySigner(settings.operatorKey()),
            settings.chainId(),
            RevertDecoder.lottery(),
            settings.feePolicy(),
            ReceiptPolicy.defaults(),
            Clock.systemUTC(),
            newBlock);
    Web3jLotteryContract contract =
        new Web3jLotteryContract(web3j, settings.rpcUrl(), settings.contract());
    this.keeper =
        new RoundKeeper(
            contract,
            sender,
            new LocalSeedSource(
                new LocalSeedDerivation(settings.operatorKey()),
                settings.chainId(),
                contract.address()),
            new Web3jChainView(web3j, settings.rpcUrl()),
            clock,
            () -> settings.policy(clock.blockInterval()),
            KeeperConfig.forChain(settings.chainId(), settings.feePolicy()),
            listener,
            registry);
    this.follower =
        ChainFollower.forUrl(
            settings.rpcUrl(), FollowerConfig.defaults().withPollInterval(settings.pollInterval()));
    follower.onHead(head -> newBlock.newBlock());
    follower.onHead(keeper);
    Gauge.builder("lottery.follower.lag", follower, f -> f.status().lagBlocks())
        .description("How many blocks the chain follower's deliveries trail the chain's head")
        .baseUnit("blocks")
        .register(registry);
  }

  /**
   * Starts following the chain and keeping the contract.
   *
   * @param registry where the keeper's and the follower's meters go
   * @param listener told of the keeper's events and status changes
   */
  public static StandaloneKeeper start(
      StandaloneSettings settings, MeterRegistry registry, KeeperListener listener) {
    StandaloneKeeper standalone = new StandaloneKeeper(settings, registry, listener);
    LOG.info("keeping {}", settings);
    standalone.follower.start();
    standalone.keeper.start();
    return standalone;
  }

  public KeeperStatus status() {
    return keeper.status();
  }

  public FollowerStatus followerStatus() {
    return follower.status();
  }

  /** The chain id the contract is configured on. */
  public long chainId() {
    return settings.chainId();
  }

  /** The latest block the keeper has seen, -1 before any. */
  public long latestBlock() {
    return Math.max(clock.latestBlock(), follower.status().latestHead());
  }

  /** The chain follower, which the feed can follow the contract with (one per chain). */
  public ChainFollower follower() {
    return follower;
  }

  /** Stops the keeper, the follower and the connection. */
  @Override
  public void close() {
    keeper.close();
    follower.close();
    // both clients share one connection: the first shutdown closes it, the second finds it closed
    simulatingWeb3j.shutdown();
    web3j.shutdown();
  }
}
