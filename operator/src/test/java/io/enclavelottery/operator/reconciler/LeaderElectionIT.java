package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.RoundOutcome;
import io.enclavelottery.operator.keeper.KeeperChain;
import io.enclavelottery.operator.reconciler.ControllerHealth.Role;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two controller replicas, each with its own client of one fabric8 mock API server (CRUD mode) and
 * its own meter registry, compete for one Lease while a real Anvil runs the lottery: only the
 * leader reconciles and sends; the standby takes over once the stopped leader's lease expires and
 * drives the round on; a leader whose lease is taken stops its keepers and sends nothing more.
 */
class LeaderElectionIT {

  private static final String NAME = "main";
  private static final String LEASE = "lottery-controller";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @AutoClose private final Opened opened = new Opened();
  private ControllerHarness harness;
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
    harness = opened.add(ControllerHarness.startWithoutController(Duration.ofSeconds(30)));
    chain = harness.chain();
  }

  @Test
  void onlyTheLeaderActsAndTheStandbyTakesOverOnceTheStoppedLeadersLeaseExpires() {
    Replica first = replica("first");
    await().atMost(PATIENCE).until(first::role, Role.LEADER::equals);
    Replica second = replica("second");
    await().atMost(PATIENCE).until(second::role, Role.STANDBY::equals);
    assertThat(second.controller().health().ready()).isTrue();
    assertThat(second.controller().health().leader()).hasValue("first");

    harness.createSecret(harness.operatorKeyHex());
    harness.create(NAME, harness.spec(null));
    await().atMost(PATIENCE).until(this::ready);
    chain.bet(0);
    chain.bet(1);
    chain.bet(2);
    await().atMost(PATIENCE).until(() -> harness.eventReasons().contains("SeedCommitted"));
    assertThat(first.transactions()).isPositive();
    assertThat(second.transactions()).isZero();
    assertThat(second.reconciles()).isZero();

    first.controller().close();
    await().atMost(PATIENCE).until(second::role, Role.LEADER::equals);
    double sentByFirst = first.transactions();
    chain.jumpTo(chain.contract().round().minDrawTime().minusSeconds(4));
    await()
        .atMost(PATIENCE)
        .until(() -> harness.status(NAME).map(LotteryRoundStatus::lastResult).isPresent());

    assertThat(harness.status(NAME).orElseThrow().lastResult().outcome())
        .isEqualTo(RoundOutcome.DRAWN);
    assertThat(second.transactions()).isPositive();
    assertThat(second.reconciles()).isPositive();
    assertThat(first.transactions()).isEqualTo(sentByFirst);
    assertThat(harness.eventReasons()).contains("WinnerDrawn");
    // JOSDK's meters and the keepers' share one registry without a clash of names
    assertThat(second.registry().scrape())
        .contains("operator_sdk_controllers_execution_reconcile_seconds_count{")
        .contains("lottery_keeper_transactions_total{action=\"drawWinner\"");
  }

  @Test
  void aLeaderWhoseLeaseIsTakenStopsItsKeepersAndSendsNothingMore() {
    Replica only = replica("only");
    await().atMost(PATIENCE).until(only::role, Role.LEADER::equals);
    harness.createSecret(harness.operatorKeyHex());
    harness.create(NAME, harness.spec(null));
    await().atMost(PATIENCE).until(this::ready);
    // the keeper opens round 1 at once: let that transaction land first
    String operator = chain.operator().address();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                chain.contract().round().state() == RoundState.BETTING
                    && chain.nonce(operator) == chain.pendingNonce(operator));

    harness.server().takeLease(ControllerHarness.NAMESPACE, LEASE, "intruder");
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
    assertThat(harness.eventReasons()).doesNotContain("SeedCommitted");
  }

  private Replica replica(String identity) {
    NamespacedKubernetesClient own = opened.add(harness.server().newClient());
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LotteryController controller =
        opened.add(
            LotteryController.create(
                own,
                registry,
                ControllerOptions.defaults()
                    .withServerSideApply(false)
                    .withLeaderElection(
                        LeaderElection.of(LEASE, ControllerHarness.NAMESPACE, identity)
                            .withTimings(
                                Duration.ofSeconds(3),
                                Duration.ofSeconds(2),
                                Duration.ofMillis(250)))));
    controller.start();
    return new Replica(registry, controller);
  }

  private boolean ready() {
    return harness.conditionIs(NAME, ConditionType.READY, ConditionStatus.TRUE);
  }
}
