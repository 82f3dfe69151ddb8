package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.ReconnectingService;
import io.enclavelottery.chain.contract.RedactedUrl;
import io.enclavelottery.chain.follower.BlockHeader;
import io.enclavelottery.chain.follower.ChainFollower;
import io.enclavelottery.chain.follower.FollowerConfig;
import io.enclavelottery.chain.follower.HeadListener;
import io.enclavelottery.chain.tx.NewBlockSignal;
import io.enclavelottery.chain.tx.NonceSequence;
import io.enclavelottery.chain.tx.TransactionRpc;
import io.enclavelottery.chain.tx.Web3jTransactionRpc;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

/**
 * Everything the contracts kept on one chain share, so that their cost per block does not grow with
 * their number: one reconnecting node connection for reads and sends, one {@link ChainFollower}
 * (one head request and one {@code eth_getLogs} per block for all the contracts), one {@link
 * ChainClock} fed by its heads, and one new-block signal for the senders' receipt waits. Heads are
 * passed to every {@link HeadListener} added here; a keeper only compares the head's time with its
 * deadline, so a head costs no request per contract.
 */
public final class ChainConnection implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChainConnection.class);

  private final String rpcUrl;
  private final long chainId;
  private final Web3j web3j;
  private final Web3j simulatingWeb3j;
  private final ChainClock clock = ChainClock.system();
  private final NewBlockSignal newBlock = new NewBlockSignal();
  private final ChainFollower follower;
  private final List<HeadListener> headListeners = new CopyOnWriteArrayList<>();
  private final MeterRegistry registry;
  private final Gauge lag;
  private final TransactionRpc transactions;
  private final Map<String, NonceSequence> nonces = new ConcurrentHashMap<>();

  private ChainConnection(
      String rpcUrl, long chainId, Duration pollInterval, MeterRegistry registry) {
    this.rpcUrl = Objects.requireNonNull(rpcUrl, "rpcUrl");
    this.chainId = chainId;
    ReconnectingService service = new ReconnectingService(rpcUrl);
    this.web3j = Web3j.build(service);
    this.simulatingWeb3j = Web3j.build(new NextBlockSimulation(service, clock::nextBlockTime));
    this.transactions = new Web3jTransactionRpc(simulatingWeb3j);
    this.follower =
        ChainFollower.forUrl(rpcUrl, FollowerConfig.defaults().withPollInterval(pollInterval));
    follower.onHead(clock);
    follower.onHead(head -> newBlock.newBlock());
    follower.onHead(this::announce);
    this.registry = Objects.requireNonNull(registry, "registry");
    this.lag =
        Gauge.builder("lottery.follower.lag", follower, f -> f.status().lagBlocks())
            .description("How many blocks the chain follower's deliveries trail the chain's head")
            .baseUnit("blocks")
            .tag("chain", Long.toString(chainId))
            .register(registry);
  }

  /**
   * Connects to the node at {@code rpcUrl} (lazily: an unreachable node costs failed requests,
   * which the keepers report and retry) and starts following it.
   *
   * @param chainId the chain the contracts are on, the {@code chain} tag of the follower's lag
   * @param pollInterval how often heads are polled over plain HTTP
   * @param registry where the follower's lag goes
   */
  public static ChainConnection open(
      String rpcUrl, long chainId, Duration pollInterval, MeterRegistry registry) {
    ChainConnection connection = new ChainConnection(rpcUrl, chainId, pollInterval, registry);
    LOG.info("following chain {} at {}", chainId, RedactedUrl.of(rpcUrl));
    connection.follower.start();
    return connection;
  }

  /** The node's URL (never logged unredacted). */
  public String rpcUrl() {
    return rpcUrl;
  }

  public long chainId() {
    return chainId;
  }

  /** Reads at the latest block. */
  Web3j reads() {
    return web3j;
  }

  /** The senders' node: simulations run as the next block will ({@link NextBlockSimulation}). */
  TransactionRpc transactions() {
    return transactions;
  }

  /**
   * The nonces of {@code address} on this chain, one sequence however many keepers send from it
   * (several LotteryRounds may share an operator key): they then send one at a time and never pick
   * the same nonce.
   */
  NonceSequence nonces(String address) {
    return nonces.computeIfAbsent(
        address.toLowerCase(Locale.ROOT), key -> new NonceSequence(address, transactions));
  }

  ChainClock clock() {
    return clock;
  }

  NewBlockSignal newBlock() {
    return newBlock;
  }

  /** The one follower of this chain. */
  public ChainFollower follower() {
    return follower;
  }

  /** The latest block seen, from the follower's heads or a keeper's reads; -1 before any. */
  public long latestBlock() {
    return Math.max(clock.latestBlock(), follower.status().latestHead());
  }

  /** Tells {@code listener} of every new head, on the follower's thread. */
  void addHeadListener(HeadListener listener) {
    headListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  void removeHeadListener(HeadListener listener) {
    headListeners.remove(listener);
  }

  /** Stops the follower and closes the connection. */
  @Override
  public void close() {
    registry.remove(lag);
    follower.close();
    // both clients share one connection: the first shutdown closes it, the second finds it closed
    simulatingWeb3j.shutdown();
    web3j.shutdown();
    LOG.info("stopped following chain {} at {}", chainId, RedactedUrl.of(rpcUrl));
  }

  private void announce(BlockHeader head) {
    for (HeadListener listener : headListeners) {
      try {
        listener.onHead(head);
      } catch (RuntimeException e) {
        LOG.warn("a keeper failed on block {}", head.number(), e);
      }
    }
  }
}
