package io.enclavelottery.operator.reconciler.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.devnet.CountingRpcProxy;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.LotteryPhase;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.keeper.KeeperChain;
import io.enclavelottery.operator.reconciler.ControllerOptions;
import io.enclavelottery.operator.reconciler.LotteryController;
import io.enclavelottery.operator.reconciler.MockApiServer;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.LogManager;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The controller with many LotteryRounds on one chain: N LotteryRounds (default 1, then 50, 100,
 * 200), each naming its own lottery on one Anvil with real 1-second blocks, reconciled by {@link
 * LotteryController} against fabric8's mock API server (CRUD mode), the node reached over HTTP
 * through a {@link CountingRpcProxy}. For each N, in the same run: the JSON-RPC requests per new
 * block once every LotteryRound runs (quiet: no contract event), then with one bet per block or so
 * on the LotteryRounds' lotteries (busy), and how long from a bet being mined to its LotteryRound's
 * status showing it; the JVM's heap after a full GC (controller, keepers, mock API server) and the
 * controller's reconcile time (JOSDK's timer), p50 and p99. The N = 1 run is the baseline.
 *
 * <p>Usage: {@code ControllerBenchmark [N ...]}.
 */
public final class ControllerBenchmark {

  private static final String NAMESPACE = "bench";
  private static final String SECRET = "operator-key";
  private static final int QUIET_BLOCKS = 30;
  private static final int BETS = 20;
  private static final int PLAYERS = 8;
  private static final Duration PATIENCE = Duration.ofMinutes(5);
  private static final String RECONCILE_TIMER = "operator.sdk.controllers.execution.reconcile";

  private final KeeperChain chain;
  private final CountingRpcProxy proxy;

  /** What one run measured. */
  private record Figures(
      int lotteryRounds,
      double secondsToRunning,
      double quietPerBlock,
      Map<String, Long> quietByMethod,
      double busyPerBlock,
      int busyBlocks,
      List<Long> eventToStatusMillis,
      long heapBytes,
      long heapGrowthBytes,
      int threads,
      long reconciles,
      double reconcileP50Millis,
      double reconcileP99Millis,
      double reconcileMaxMillis) {}

  private ControllerBenchmark(KeeperChain chain, CountingRpcProxy proxy) {
    this.chain = chain;
    this.proxy = proxy;
  }

  public static void main(String[] args) {
    List<Integer> sizes =
        args.length == 0
            ? List.of(1, 50, 100, 200)
            : Arrays.stream(args).map(Integer::parseInt).toList();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.ERROR);
    LogManager.getLogManager().reset(); // the mock API server logs every request through JUL
    System.out.printf(
        "machine: %s, %d CPUs, max heap %d MiB; Java %s%n",
        System.getProperty("os.arch"),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"));
    try (KeeperChain chain = KeeperChain.start(Duration.ofSeconds(120));
        CountingRpcProxy proxy = CountingRpcProxy.start(chain.anvil().httpUrl())) {
      ControllerBenchmark benchmark = new ControllerBenchmark(chain, proxy);
      List<List<String>> lotteries = benchmark.deployLotteries(sizes);
      List<Figures> figures = new ArrayList<>();
      for (int i = 0; i < sizes.size(); i++) {
        Figures run = benchmark.run(lotteries.get(i));
        print(run);
        figures.add(run);
      }
      printTable(figures);
    }
  }

  /** A fresh set of lotteries per run, deployed with automine on, so it takes seconds. */
  private List<List<String>> deployLotteries(List<Integer> sizes) {
    int total = sizes.stream().mapToInt(Integer::intValue).sum();
    System.out.printf("deploying %d lotteries ...%n", total);
    chain.anvil().rpc("evm_setAutomine", true);
    LotteryDeployer deployer = new LotteryDeployer(chain.web3j(), chain.anvil().httpUrl());
    List<List<String>> lotteries = new ArrayList<>();
    for (int size : sizes) {
      List<String> forRun = new ArrayList<>();
      for (int i = 0; i < size; i++) {
        forRun.add(
            deployer
                .deploy(
                    chain.anvil().account(0).key(),
                    LotteryDeployer.Options.forLocalChain(chain.operator().address()))
                .address());
      }
      lotteries.add(forRun);
    }
    chain.anvil().rpc("evm_setAutomine", false);
    chain.resumeMining();
    return lotteries;
  }

  private Figures run(List<String> lotteries) {
    int n = lotteries.size();
    System.out.printf("%n== %d LotteryRound(s) ==%n", n);
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(
                List.of(
                    CustomResourceDefinitionContext.fromCustomResourceType(LotteryRound.class))),
            false);
    server.init();
    try (NamespacedKubernetesClient client = server.createClient();
        NamespacedKubernetesClient controllerClient = server.createClient()) {
      createSecret(client);
      long heapBefore = heapAfterGc();
      SimpleMeterRegistry registry = registryWithReconcilePercentiles();
      try (LotteryController controller =
          LotteryController.create(
              controllerClient,
              registry,
              ControllerOptions.defaults().withServerSideApply(false))) {
        controller.start();
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
          create(client, "lottery-" + i, lotteries.get(i));
        }
        await("every LotteryRound running", () -> running(client) == n);
        double secondsToRunning = (System.nanoTime() - started) / 1e9;
        System.out.printf("all %d running after %.1f s%n", n, secondsToRunning);
        waitBlocks(3);

        proxy.reset();
        long quietFrom = latestBlock();
        waitBlocks(QUIET_BLOCKS);
        long quietBlocks = latestBlock() - quietFrom;
        Map<String, Long> quietByMethod = proxy.byMethod();
        double quietPerBlock = proxy.total() / (double) quietBlocks;
        System.out.printf(
            "quiet: %d requests in %d blocks: %.2f per block %s%n",
            proxy.total(), quietBlocks, quietPerBlock, quietByMethod);

        proxy.reset();
        long busyFrom = latestBlock();
        List<Long> eventToStatus = new ArrayList<>();
        for (int bet = 0; bet < BETS; bet++) {
          eventToStatus.add(betAndWaitForStatus(client, bet % n, lotteries.get(bet % n), bet));
        }
        int busyBlocks = (int) (latestBlock() - busyFrom);
        double busyPerBlock = proxy.total() / (double) busyBlocks;
        System.out.printf(
            "busy: %d bets, %d requests in %d blocks: %.2f per block %s%n",
            BETS, proxy.total(), busyBlocks, busyPerBlock, proxy.byMethod());

        long heap = heapAfterGc();
        Timer reconcile = reconcileTimer(registry);
        return new Figures(
            n,
            secondsToRunning,
            quietPerBlock,
            quietByMethod,
            busyPerBlock,
            busyBlocks,
            eventToStatus,
            heap,
            heap - heapBefore,
            Thread.activeCount(),
            reconcile.count(),
            percentile(reconcile, 0.5),
            percentile(reconcile, 0.99),
            reconcile.max(TimeUnit.MILLISECONDS));
      }
    } finally {
      server.destroy();
    }
  }

  /**
   * Player {@code bet % PLAYERS} bets on the lottery of LotteryRound {@code index} (each player
   * keeps to its lotteries, so no round reaches two players and nothing is committed); returns the
   * milliseconds from the bet's receipt to the LotteryRound's status showing the new pot.
   */
  private long betAndWaitForStatus(
      NamespacedKubernetesClient client, int index, String lottery, int bet) {
    String name = "lottery-" + index;
    String potBefore = pot(client, name);
    chain.bet(lottery, index % PLAYERS);
    long mined = System.nanoTime();
    await("the status of " + name + " showing the bet", () -> !pot(client, name).equals(potBefore));
    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - mined);
  }

  private static String pot(NamespacedKubernetesClient client, String name) {
    LotteryRound resource =
        client.resources(LotteryRound.class).inNamespace(NAMESPACE).withName(name).get();
    LotteryRoundStatus status = resource == null ? null : resource.getStatus();
    return status == null || status.round() == null
        ? ""
        : Objects.requireNonNullElse(status.round().pot(), "");
  }

  private static long running(NamespacedKubernetesClient client) {
    return client.resources(LotteryRound.class).inNamespace(NAMESPACE).list().getItems().stream()
        .filter(r -> r.getStatus() != null && r.getStatus().phase() == LotteryPhase.RUNNING)
        .count();
  }

  private void create(NamespacedKubernetesClient client, String name, String lottery) {
    LotteryRound resource = new LotteryRound();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    resource.setSpec(
        new LotteryRoundSpec(
            new ChainSpec(proxy.url(), LocalAnvil.CHAIN_ID, null),
            new ContractSpec(lottery),
            new SignerSpec(SignerType.LOCAL, new SecretKeyRef(SECRET, null), null),
            new RoundsSpec(null, null, null, false, null, null),
            null,
            null));
    client.resources(LotteryRound.class).inNamespace(NAMESPACE).resource(resource).create();
  }

  private void createSecret(NamespacedKubernetesClient client) {
    String key = chain.operator().key().credentials().getEcKeyPair().getPrivateKey().toString(16);
    client
        .secrets()
        .inNamespace(NAMESPACE)
        .resource(MockApiServer.operatorKeySecret(NAMESPACE, SECRET, key))
        .create();
  }

  private void waitBlocks(int blocks) {
    long target = latestBlock() + blocks;
    await(blocks + " blocks", () -> latestBlock() >= target);
  }

  private long latestBlock() {
    try {
      return chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A registry whose reconcile timer keeps p50 and p99 over the whole run. */
  private static SimpleMeterRegistry registryWithReconcilePercentiles() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry
        .config()
        .meterFilter(
            new MeterFilter() {
              @Override
              public DistributionStatisticConfig configure(
                  Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().startsWith(RECONCILE_TIMER)) {
                  return config;
                }
                return DistributionStatisticConfig.builder()
                    .percentiles(0.5, 0.99)
                    .percentilePrecision(2)
                    .expiry(Duration.ofHours(1))
                    .bufferLength(1)
                    .build()
                    .merge(config);
              }
            });
    return registry;
  }

  private static Timer reconcileTimer(SimpleMeterRegistry registry) {
    Collection<Timer> timers = registry.find(RECONCILE_TIMER).timers();
    if (timers.size() != 1) {
      throw new IllegalStateException(
          "expected one reconcile timer, found "
              + registry.getMeters().stream()
                  .map(meter -> meter.getId().getName())
                  .filter(name -> name.startsWith("operator.sdk"))
                  .distinct()
                  .collect(Collectors.joining(", ")));
    }
    return timers.iterator().next();
  }

  private static double percentile(Timer timer, double percentile) {
    for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
      if (value.percentile() == percentile) {
        return value.value(TimeUnit.MILLISECONDS);
      }
    }
    return Double.NaN;
  }

  private static long heapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      try {
        Thread.sleep(50); // polling a condition, not an assertion
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted waiting for " + what, e);
      }
    }
  }

  private static void print(Figures f) {
    List<Long> sorted = f.eventToStatusMillis().stream().sorted().toList();
    System.out.printf(
        "bet mined -> status: p50 %d ms, max %d ms over %d bets%n",
        sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size());
    System.out.printf(
        "heap after GC: %.1f MiB (%.1f MiB more than before the controller started); %d threads%n",
        f.heapBytes() / 1048576.0, f.heapGrowthBytes() / 1048576.0, f.threads());
    System.out.printf(
        "reconciles: %d, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
        f.reconciles(), f.reconcileP50Millis(), f.reconcileP99Millis(), f.reconcileMaxMillis());
  }

  private static void printTable(List<Figures> figures) {
    System.out.printf(
        "%n| LotteryRounds | RPC requests per block, quiet | per block, one bet a block"
            + " | bet mined -> status p50 / max | heap after GC (growth) | reconciles"
            + " | reconcile p50 / p99 |%n");
    System.out.println("|---:|---:|---:|---:|---:|---:|---:|");
    for (Figures f : figures) {
      List<Long> sorted = f.eventToStatusMillis().stream().sorted().toList();
      System.out.printf(
          "| %d | %.2f | %.2f | %d / %d ms | %.0f MiB (+%.0f MiB) | %d | %.1f / %.1f ms |%n",
          f.lotteryRounds(),
          f.quietPerBlock(),
          f.busyPerBlock(),
          sorted.get(sorted.size() / 2),
          sorted.get(sorted.size() - 1),
          f.heapBytes() / 1048576.0,
          f.heapGrowthBytes() / 1048576.0,
          f.reconciles(),
          f.reconcileP50Millis(),
          f.reconcileP99Millis());
    }
  }
}
