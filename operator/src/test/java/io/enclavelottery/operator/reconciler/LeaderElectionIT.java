package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.RoundOutcome;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.keeper.KeeperChain;
import io.enclavelottery.operator.reconciler.ControllerHealth.Role;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two controller replicas, each with its own client of one fabric8 mock API server (CRUD mode) and
 * its own meter registry, compete for one Lease while a real Anvil runs the lottery: only the
 * leader reconciles and sends; the standby takes over once the stopped leader's lease expires and
 * drives the round on; a leader whose lease is taken stops its keepers and sends nothing more.
 */
class LeaderElectionIT {

  private static final String NAMESPACE = "lottery";
  private static final String SECRET = "operator-key";
  private static final String LEASE = "lottery-controller";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final List<AutoCloseable> opened = new ArrayList<>();
  private MockApiServer server;
  private NamespacedKubernetesClient client;
  private KeeperChain chain;

  /** One controller process: its client, its meters, its controller. */
  private record Replica(PrometheusMeterRegistry registry, LotteryController controller) {

    Role role() {
      return controller.health().role();
    }

    /** Transactions its keepers sent, whatever their outcome. */
    double transactions() {
      return registry.find("lottery.keeper.transactions").counters().stream()
          .mapToDouble(Counter::count)
          .sum();
    }

    double reconciles() {
      return registry.find("operator.sdk.reconciliations.started").counters().stream()
          .mapToDouble(Counter::count)
          .sum();
    }
  }

  @BeforeEach
  void start() {
    server = MockApiServer.start();
    client = server.newClient();
    chain = KeeperChain.start(Duration.ofSeconds(30));
    opened.add(chain);
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    client.close();
    server.close();
  }

  @Test
  void onlyTheLeaderActsAndTheStandbyTakesOverOnceTheStoppedLeadersLeaseExpires() {
    Replica first = replica("first");
    await().atMost(PATIENCE).until(first::role, Role.LEADER::equals);
    Replica second = replica("second");
    await().atMost(PATIENCE).until(second::role, Role.STANDBY::equals);
    assertThat(second.controller().health().ready()).isTrue();
    assertThat(second.controller().health().leader()).hasValue("first");

    createSecret();
    createLotteryRound();
    await().atMost(PATIENCE).until(this::ready);
    chain.bet(0);
    chain.bet(1);
    chain.bet(2);
    await().atMost(PATIENCE).until(() -> eventReasons().contains("SeedCommitted"));
    assertThat(first.transactions()).isPositive();
    assertThat(second.transactions()).isZero();
    assertThat(second.reconciles()).isZero();

    first.controller().close();
    await().atMost(PATIENCE).until(second::role, Role.LEADER::equals);
    double sentByFirst = first.transactions();
    chain.jumpTo(chain.contract().round().minDrawTime().minusSeconds(4));
    await().atMost(PATIENCE).until(() -> status().map(LotteryRoundStatus::lastResult).isPresent());

    assertThat(status().orElseThrow().lastResult().outcome()).isEqualTo(RoundOutcome.DRAWN);
    assertThat(second.transactions()).isPositive();
    assertThat(second.reconciles()).isPositive();
    assertThat(first.transactions()).isEqualTo(sentByFirst);
    assertThat(eventReasons()).contains("WinnerDrawn");
    // JOSDK's meters and the keepers' share one registry without a clash of names
    assertThat(second.registry().scrape())
        .contains("operator_sdk_controllers_execution_reconcile_seconds_count{")
        .contains("lottery_keeper_transactions_total{action=\"drawWinner\"");
  }

  @Test
  void aLeaderWhoseLeaseIsTakenStopsItsKeepersAndSendsNothingMore() {
    Replica only = replica("only");
    await().atMost(PATIENCE).until(only::role, Role.LEADER::equals);
    createSecret();
    createLotteryRound();
    await().atMost(PATIENCE).until(this::ready);
    // the keeper opens round 1 at once: let that transaction land first
    String operator = chain.operator().address();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                chain.contract().round().state() == RoundState.BETTING
                    && chain.nonce(operator) == chain.pendingNonce(operator));

    server.takeLease(NAMESPACE, LEASE, "intruder");
    await().atMost(PATIENCE).until(only::role, Role.DEPOSED::equals);
    await()
        .atMost(PATIENCE)
        .until(() -> only.controller().leadershipLost().toCompletableFuture().isDone());
    ControllerHealth health = only.controller().health();
    assertThat(health.state()).isEqualTo(ControllerHealth.State.STOPPED);
    assertThat(health.live()).isFalse();
    assertThat(health.ready()).isFalse();
    assertThat(health.problems())
        .containsExactly(
            "lost the lease lottery/lottery-controller to intruder; this replica stopped acting"
                + " and must be restarted");

    // enough players for a commitment: a running keeper would commit within a block or two
    long nonce = chain.pendingNonce(operator);
    chain.bet(0);
    chain.bet(1);
    chain.bet(2);
    await()
        .during(Duration.ofSeconds(5))
        .atMost(Duration.ofSeconds(10))
        .until(() -> chain.pendingNonce(operator) == nonce);
    assertThat(eventReasons()).doesNotContain("SeedCommitted");
  }

  private Replica replica(String identity) {
    NamespacedKubernetesClient own = server.newClient();
    opened.add(own);
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LotteryController controller =
        LotteryController.create(
            own,
            registry,
            ControllerOptions.defaults()
                .withServerSideApply(false)
                .withLeaderElection(
                    LeaderElection.of(LEASE, NAMESPACE, identity)
                        .withTimings(
                            Duration.ofSeconds(3), Duration.ofSeconds(2), Duration.ofMillis(250))));
    opened.add(controller);
    controller.start();
    return new Replica(registry, controller);
  }

  private void createSecret() {
    String key = chain.operator().key().credentials().getEcKeyPair().getPrivateKey().toString(16);
    client
        .secrets()
        .inNamespace(NAMESPACE)
        .resource(MockApiServer.operatorKeySecret(NAMESPACE, SECRET, key))
        .create();
  }

  private void createLotteryRound() {
    LotteryRound resource = new LotteryRound();
    resource.setMetadata(new ObjectMetaBuilder().withName("main").withNamespace(NAMESPACE).build());
    resource.setSpec(
        new LotteryRoundSpec(
            new ChainSpec(chain.anvil().wsUrl(), 31337L, null),
            new ContractSpec(chain.lottery()),
            new SignerSpec(SignerType.LOCAL, new SecretKeyRef(SECRET, null), null),
            null,
            null,
            null));
    client.resources(LotteryRound.class).inNamespace(NAMESPACE).resource(resource).create();
  }

  private Optional<LotteryRoundStatus> status() {
    return Optional.ofNullable(
            client.resources(LotteryRound.class).inNamespace(NAMESPACE).withName("main").get())
        .map(LotteryRound::getStatus);
  }

  private boolean ready() {
    return status()
        .flatMap(s -> s.condition(ConditionType.READY))
        .map(c -> c.status() == ConditionStatus.TRUE)
        .orElse(false);
  }

  private List<String> eventReasons() {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems().stream()
        .map(Event::getReason)
        .toList();
  }
}
