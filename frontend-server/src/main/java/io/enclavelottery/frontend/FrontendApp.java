package io.enclavelottery.frontend;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.chain.contract.ContractCallException;
import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.contract.ReconnectingService;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.events.Web3jLotteryEventLog;
import io.enclavelottery.chain.follower.ChainFollower;
import io.enclavelottery.chain.follower.FollowerConfig;
import io.enclavelottery.chain.verify.DrawVerifier;
import io.enclavelottery.frontend.feed.FeedHub;
import io.enclavelottery.frontend.feed.FeedSettings;
import io.enclavelottery.frontend.http.AttestationSource;
import io.enclavelottery.frontend.http.ChainReadPool;
import io.enclavelottery.frontend.http.FrontendRoutes;
import io.enclavelottery.frontend.http.HealthCheck;
import io.enclavelottery.frontend.http.RateLimiter;
import io.enclavelottery.frontend.view.LotteryView;
import io.enclavelottery.frontend.view.ViewFollow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

/**
 * The frontend server without its listener: the chain connection, the view kept up to date by a
 * chain follower, the metrics registry, the HTTP routes and the WebSocket feed mounted on them.
 * {@link FrontendServer} serves it on its own port, with a connection and follower of its own;
 * {@code ./lottery run} mounts {@link #routes()} in its own server and lends it the keeper's
 * ({@link SharedChain}). Closing it stops following and closes what it opened itself.
 *
 * <p>Starting checks the node once (chain id, contract code, deployment block) and fails with a
 * {@link StartupException} saying what is wrong; after that the node may come and go: the view
 * catches up when it is back and {@code /health} says degraded meanwhile.
 */
public final class FrontendApp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FrontendApp.class);
  private static final int READ_THREADS = 4;
  private static final int READ_QUEUE = 64;
  private static final Duration READ_DEADLINE = Duration.ofSeconds(10);
  private static final int MAX_RATE_CLIENTS = 100_000;

  private final Runnable closeOwnChain;
  private final ViewFollow follow;
  private final FeedHub feed;
  private final ChainReadPool reads;
  private final ScheduledExecutorService housekeeping;
  private final PrometheusMeterRegistry registry;
  private final FrontendRoutes routes;
  private final FrontendConfig config;

  private FrontendApp(
      FrontendConfig config,
      Runnable closeOwnChain,
      ViewFollow follow,
      FeedHub feed,
      ChainReadPool reads,
      ScheduledExecutorService housekeeping,
      PrometheusMeterRegistry registry,
      FrontendRoutes routes) {
    this.config = config;
    this.closeOwnChain = closeOwnChain;
    this.follow = follow;
    this.feed = feed;
    this.reads = reads;
    this.housekeeping = housekeeping;
    this.registry = registry;
    this.routes = routes;
  }

  /**
   * Connects, checks the chain and the contract, and starts rebuilding the view.
   *
   * @param attestation the signer's attestation documents, when a signer is configured
   * @throws StartupException when the node cannot be reached or is not what was configured
   */
  public static FrontendApp start(FrontendConfig config, Optional<AttestationSource> attestation) {
    return start(config, attestation, FeedSettings.defaults());
  }

  /** As {@link #start(FrontendConfig, Optional)}, with the feed's limits and timings given. */
  public static FrontendApp start(
      FrontendConfig config, Optional<AttestationSource> attestation, FeedSettings feedSettings) {
    FollowerConfig followerConfig =
        FollowerConfig.defaults()
            .withPollInterval(config.pollInterval())
            .withConfirmations(config.confirmations());
    // reads reconnect after a node restart or a dropped WebSocket, as the follower does
    SharedChain own =
        new SharedChain(
            Web3j.build(new ReconnectingService(config.rpcUrl())),
            ChainFollower.forUrl(config.rpcUrl(), followerConfig));
    Runnable closeOwn =
        () -> {
          own.follower().close();
          own.reads().shutdown();
        };
    try {
      return start(config, attestation, feedSettings, own, closeOwn);
    } catch (RuntimeException e) {
      closeOwn.run();
      throw e;
    }
  }

  /**
   * As {@link #start(FrontendConfig, Optional)}, on the caller's connection and follower, which
   * stay the caller's to close; the config's RPC URL and poll interval are not used for them.
   *
   * @throws IllegalArgumentException when the follower waits for more confirmations than the
   *     config's
   */
  public static FrontendApp start(
      FrontendConfig config, Optional<AttestationSource> attestation, SharedChain chain) {
    return start(config, attestation, FeedSettings.defaults(), chain, () -> {});
  }

  private static FrontendApp start(
      FrontendConfig config,
      Optional<AttestationSource> attestation,
      FeedSettings feedSettings,
      SharedChain chain,
      Runnable closeOwnChain) {
    Web3j web3j = chain.reads();
    ChainFollower follower = chain.follower();
    LotteryContract contract = new Web3jLotteryContract(web3j, config.rpcUrl(), config.contract());
    long chainId;
    long startBlock;
    try {
      chainId = contract.chainId();
      if (config.expectedChainId().isPresent() && config.expectedChainId().get() != chainId) {
        throw new StartupException(
            "BLOCKCHAIN_CHAIN_ID is "
                + config.expectedChainId().get()
                + " but the node is on chain "
                + chainId);
      }
      startBlock = config.startBlock().orElseGet(() -> DeploymentBlock.find(contract));
    } catch (RpcException | ContractCallException e) {
      throw new StartupException("cannot check the chain: " + e.getMessage(), e);
    }
    LOG.info(
        "following lottery {} on chain {} from block {} ({} confirmations)",
        config.contract(),
        chainId,
        startBlock,
        config.confirmations());
    ViewFollow follow =
        ViewFollow.start(
            follower, config.confirmations(), contract, chainId, config.viewLimits(), startBlock);
    LotteryView view = follow.view();
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    registerViewGauges(registry, view);
    ChainReadPool reads = new ChainReadPool(READ_THREADS, READ_QUEUE, READ_DEADLINE);
    ScheduledExecutorService housekeeping =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "frontend-housekeeping");
              thread.setDaemon(true);
              return thread;
            });
    Optional<RateLimiter> rate =
        config
            .http()
            .rateLimit()
            .map(
                limit ->
                    new RateLimiter(
                        limit.perSecond(), limit.burst(), MAX_RATE_CLIENTS, System::nanoTime));
    rate.ifPresent(
        limiter ->
            housekeeping.scheduleWithFixedDelay(limiter::forgetIdle, 30, 30, TimeUnit.SECONDS));
    HealthCheck health =
        new HealthCheck(
            view,
            follower::status,
            config.maxLagBlocks() + config.confirmations(),
            FrontendVersion.current());
    DrawVerifier verifier =
        new DrawVerifier(
            contract,
            new Web3jLotteryEventLog(web3j, config.rpcUrl(), config.contract()),
            startBlock);
    FrontendRoutes routes =
        new FrontendRoutes(
            new FrontendRoutes.Sources(
                view,
                config.viewLimits(),
                contract,
                verifier,
                health,
                registry,
                attestation,
                reads),
            config.http(),
            rate);
    FeedHub feed = FeedHub.start(view, feedSettings, routes.clientAddresses(), registry);
    routes.mount(FeedHub.MOUNT_PREFIX, feed.handler());
    return new FrontendApp(
        config, closeOwnChain, follow, feed, reads, housekeeping, registry, routes);
  }

  private static void registerViewGauges(PrometheusMeterRegistry registry, LotteryView view) {
    Gauge.builder("frontend.view.block", view, v -> v.snapshot().sync().viewBlock())
        .description("The block through which the view has applied the contract's events")
        .register(registry);
    Gauge.builder("frontend.chain.head.block", view, v -> v.snapshot().sync().latestBlock())
        .description("The newest block the follower has seen")
        .register(registry);
    Gauge.builder("frontend.view.lag.blocks", view, v -> v.snapshot().sync().lagBlocks())
        .description("How many blocks the view trails the chain's head (the follower's lag)")
        .register(registry);
    Gauge.builder("frontend.view.ready", view, v -> v.isReady() ? 1 : 0)
        .description("1 once the first backfill is done")
        .register(registry);
  }

  public FrontendConfig config() {
    return config;
  }

  public LotteryView view() {
    return follow.view();
  }

  /** The routes, to serve or to {@link FrontendRoutes#mount mount} more on. */
  public FrontendRoutes routes() {
    return routes;
  }

  /** The WebSocket feed mounted at {@code /ws} and {@code /ws/lottery}. */
  public FeedHub feed() {
    return feed;
  }

  /** The metrics registry behind {@code /metrics}; other parts (the feed) add their meters. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  @Override
  public void close() {
    feed.close();
    follow.close();
    reads.close();
    housekeeping.shutdownNow();
    closeOwnChain.run();
  }
}
