package io.enclavelottery.chain.follower;

import io.enclavelottery.chain.RpcException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows one chain for many contracts and delivers their logs once they are {@link
 * FollowerConfig#confirmations()} deep.
 *
 * <p>Delivery contract:
 *
 * <ul>
 *   <li>Each follow's consumer receives {@link FollowerEvent.Logs} ranges in block order, each
 *       range's logs in (block, logIndex) order, with no gap between ranges.
 *   <li>When a reorganisation replaces blocks it had delivered from, the consumer first receives
 *       {@link FollowerEvent.Retracted} with those logs (newest first), then the new chain's logs
 *       from the fork on: every canonical log is delivered once net, none twice without a
 *       retraction between (reorganisations deeper than {@link FollowerConfig#reorgWindow()} are
 *       logged, not retracted).
 *   <li>After a lost connection the follower reconnects with capped, jittered exponential backoff
 *       and resumes from each follow's last delivered block: nothing skipped, nothing twice.
 *   <li>Consumers run on the follower's single thread, one contract at a time; a slow consumer
 *       delays every follow of this chain, a throwing one is logged and counted ({@link
 *       FollowHandle#consumerFailures()}) and its event counts as delivered.
 *   <li>{@link HeadListener}s hear of each new tip before any confirmation depth (headers only):
 *       acting on the latest head is their business, final data is the consumers'.
 * </ul>
 *
 * <p>Each new block range costs one {@code eth_getLogs} for all follows at the front, however many;
 * a follow added with an older start block is backfilled by its own queries until it catches up.
 */
public final class ChainFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChainFollower.class);
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final NodeConnector connector;
  private final FollowerConfig config;
  private final Backoff backoff;
  private final ChainSync sync;
  private final FollowerThread thread;
  private final List<HeadListener> headListeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean started = new AtomicBoolean();
  private final AtomicLong followIds = new AtomicLong();
  private final AtomicLong retiredConsumerFailures = new AtomicLong();
  private volatile FollowerStatus status = FollowerStatus.starting();

  // changed on the follower thread only
  private volatile NodeConnection connection;
  private volatile boolean connectionLost;
  private String lastError;

  /** Follows the node at {@code rpcUrl}: subscribing for {@code ws(s)://}, polling otherwise. */
  public static ChainFollower forUrl(String rpcUrl, FollowerConfig config) {
    return new ChainFollower(Web3jNodeConnector.forUrl(rpcUrl, config), config);
  }

  public ChainFollower(NodeConnector connector, FollowerConfig config) {
    this(
        connector,
        config,
        new Backoff(
            config.reconnectInitialDelay(),
            config.reconnectMaxDelay(),
            RandomGenerator.getDefault()));
  }

  ChainFollower(NodeConnector connector, FollowerConfig config, Backoff backoff) {
    this.connector = Objects.requireNonNull(connector, "connector");
    this.config = Objects.requireNonNull(config, "config");
    this.backoff = backoff;
    this.sync = new ChainSync(config, this::announceHead);
    this.thread = new FollowerThread(this::step);
  }

  /** Starts following (in the background); follows may be added before or after. */
  public void start() {
    if (thread.isStopped()) {
      throw new IllegalStateException("the follower is closed");
    }
    if (started.compareAndSet(false, true)) {
      thread.requestStep();
    }
  }

  /**
   * Follows every event of {@code address} from {@code fromBlock} ({@link FollowRequest#FROM_HEAD}
   * for the head).
   */
  public FollowHandle follow(String address, long fromBlock, LogConsumer consumer) {
    return follow(FollowRequest.from(address, fromBlock), consumer);
  }

  /**
   * Adds a follow; its backfill starts on the follower's next step. Returns at once, without
   * waiting for the follower.
   *
   * @throws IllegalStateException when the follower is closed
   */
  public FollowHandle follow(FollowRequest request, LogConsumer consumer) {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(consumer, "consumer");
    if (thread.isStopped()) {
      throw new IllegalStateException("the follower is closed");
    }
    FollowedContract follow =
        new FollowedContract(followIds.incrementAndGet(), request, consumer, this::unfollow);
    thread.execute(
        () -> {
          if (follow.isOpen()) {
            sync.add(follow);
            if (started.get()) {
              thread.requestStep();
            }
          }
        });
    return follow;
  }

  /** Adds a listener for new chain tips; see {@link HeadListener}. */
  public void onHead(HeadListener listener) {
    headListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added with {@link #onHead}, for one who stops before the follower. */
  public void removeHeadListener(HeadListener listener) {
    headListeners.remove(listener);
  }

  /** How this follower follows: its confirmation depth, polling and reorganisation window. */
  public FollowerConfig config() {
    return config;
  }

  public FollowerStatus status() {
    return status;
  }

  /** Stops following and closes the connection; waits up to 5 s for a step in progress. */
  @Override
  public void close() {
    if (thread.isStopped()) {
      return;
    }
    thread.stop(this::disconnect, CLOSE_GRACE);
    FollowerStatus last = status;
    status =
        new FollowerStatus(
            FollowerState.STOPPED,
            last.latestHead(),
            last.lastDeliveredBlock(),
            last.lastError(),
            0,
            last.consumerFailures());
  }

  private void unfollow(FollowedContract follow) {
    thread.execute(
        () -> {
          sync.remove(follow);
          retiredConsumerFailures.addAndGet(follow.consumerFailures());
        });
  }

  /**
   * One turn of the follower thread: connect if needed, then work until caught up or out of budget.
   */
  private void step() {
    if (connection != null && connectionLost) {
      // through the backoff, so that a node that keeps dropping the subscription is not hammered
      disconnect();
      lastError = "the node stopped announcing new heads";
      LOG.info("lost the node's head announcements; reconnecting");
      publish(FollowerState.DISCONNECTED);
      thread.requestStepAfter(backoff.next());
      return;
    }
    Duration wait;
    try {
      NodeConnection current = connected();
      long deadline = System.nanoTime() + config.stepBudget().toNanos();
      boolean more;
      do {
        more = sync.step(current.rpc());
      } while (more && !thread.isStopped() && System.nanoTime() < deadline);
      if (backoff.failures() > 0) {
        LOG.info("chain reachable again after {} failed attempts", backoff.failures());
        backoff.reset();
      }
      publish(more ? FollowerState.CATCHING_UP : FollowerState.FOLLOWING);
      wait = more ? Duration.ZERO : current.heads().pollInterval();
    } catch (RuntimeException e) {
      // RpcException, or a bug: either way the follower must live on and try again
      disconnect();
      lastError = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      wait = backoff.next();
      if (e instanceof RpcException) {
        LOG.warn(
            "chain unreachable (attempt {}): {}; retrying in {} ms",
            backoff.failures(),
            lastError,
            wait.toMillis());
      } else {
        LOG.error("follower step failed; retrying in {} ms", wait.toMillis(), e);
      }
      publish(FollowerState.DISCONNECTED);
    }
    thread.requestStepAfter(wait);
  }

  private NodeConnection connected() {
    if (connection == null) {
      connectionLost = false;
      NodeConnection opened = connector.connect();
      connection = opened;
      opened.heads().start(thread::requestStep, failure -> headsLost(opened, failure));
    }
    return connection;
  }

  private void headsLost(NodeConnection lostOne, Throwable failure) {
    if (lostOne == connection) {
      LOG.debug("head announcements stopped", failure);
      connectionLost = true;
      thread.requestStep();
    }
  }

  private void disconnect() {
    NodeConnection current = connection;
    connection = null;
    if (current != null) {
      try {
        current.close();
      } catch (RuntimeException e) {
        LOG.debug("closing the node connection failed", e);
      }
    }
  }

  private void announceHead(BlockHeader head) {
    for (HeadListener listener : headListeners) {
      try {
        listener.onHead(head);
      } catch (RuntimeException e) {
        LOG.warn("a head listener failed on block {}", head.number(), e);
      }
    }
  }

  private void publish(FollowerState state) {
    status =
        new FollowerStatus(
            state,
            sync.latestHead(),
            sync.lastDelivered(),
            Optional.ofNullable(lastError),
            sync.followCount(),
            retiredConsumerFailures.get() + sync.consumerFailures());
  }
}
