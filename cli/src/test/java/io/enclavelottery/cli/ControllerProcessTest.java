package io.enclavelottery.cli;

import static io.enclavelottery.cli.LocalHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.operator.reconciler.ControllerOptions;
import io.enclavelottery.operator.reconciler.LeaderElection;
import io.enclavelottery.operator.reconciler.MockApiServer;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code lottery operator}'s wiring against fabric8's mock API server: the probes of a leader and
 * of a standby, JOSDK's reconcile meters on {@code /metrics} after a reconcile, and starts that
 * cannot bind their port or reach the API server.
 */
class ControllerProcessTest {

  private static final String NAMESPACE = "lottery";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  @AutoClose private final Opened opened = new Opened();
  private MockApiServer server;
  private NamespacedKubernetesClient client;

  @BeforeEach
  void startServer() {
    server = opened.add(MockApiServer.start());
    client = opened.add(server.newClient());
  }

  @Test
  void theLeaderIsLiveAndReadyAndItsMetricsCountReconciles() throws Exception {
    ControllerProcess leader = start("first", true);
    await().atMost(PATIENCE).until(() -> body(leader, "/readyz").contains("\"role\":\"leader\""));

    HttpResponse<String> ready = get(leader.port(), "/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(ready.body())
        .isEqualTo(
            "{\"state\":\"running\",\"role\":\"leader\",\"identity\":\"first\","
                + "\"leader\":\"first\",\"problems\":[]}");
    assertThat(get(leader.port(), "/healthz").statusCode()).isEqualTo(200);

    server.createLotteryRoundWithoutSecret(NAMESPACE, "main");
    // counted once the reconcile returned, the workflow's children included
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                body(leader, "/metrics")
                    .contains("operator_sdk_controllers_execution_reconcile_success_total{"));
    HttpResponse<String> metrics = get(leader.port(), "/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("content-type").orElseThrow()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("operator_sdk_reconciliations_started_total{")
        .contains("operator_sdk_reconciliations_success_total{")
        .contains("operator_sdk_controllers_execution_reconcile_success_total{")
        .containsPattern(
            "operator_sdk_controllers_execution_reconcile_seconds_count\\{[^}]*\\} [1-9]")
        .contains("operator_sdk_controllers_execution_reconcile_seconds_bucket{")
        .contains("controller=\"lotteryround\"");
  }

  @Test
  void aStandbyIsLiveAndReadyAndReconcilesNothing() throws Exception {
    ControllerProcess leader = start("first", true);
    await().atMost(PATIENCE).until(() -> body(leader, "/readyz").contains("\"role\":\"leader\""));
    ControllerProcess standby = start("second", true);
    await().atMost(PATIENCE).until(() -> body(standby, "/readyz").contains("\"role\":\"standby\""));

    HttpResponse<String> ready = get(standby.port(), "/readyz");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(ready.body()).contains("\"identity\":\"second\"", "\"leader\":\"first\"");
    assertThat(get(standby.port(), "/healthz").statusCode()).isEqualTo(200);

    server.createLotteryRoundWithoutSecret(NAMESPACE, "main");
    await()
        .atMost(PATIENCE)
        .until(
            () -> body(leader, "/metrics").contains("operator_sdk_reconciliations_success_total"));
    assertThat(body(standby, "/metrics")).doesNotContain("operator_sdk_reconciliations_started");
  }

  @Test
  void metricsCanBeLeftOut() throws Exception {
    ControllerProcess process = start("only", false);

    assertThat(get(process.port(), "/metrics").statusCode()).isEqualTo(404);
    assertThat(get(process.port(), "/healthz").statusCode()).isEqualTo(200);
  }

  @Test
  void aBusyPortStopsTheStartBeforeTheLeaseIsTaken() throws IOException {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = busy.getLocalPort();
      NamespacedKubernetesClient own = opened.add(server.newClient());

      assertThatIllegalStateException()
          .isThrownBy(() -> ControllerProcess.start(own, options("only"), "127.0.0.1", port, true))
          .withMessageStartingWith("cannot serve HTTP on 127.0.0.1:" + port + ": ");
      assertThat(client.leases().inNamespace(NAMESPACE).list().getItems()).isEmpty();
    }
  }

  @Test
  void anUnreachableApiServerStopsTheStartWithTheReason() throws Exception {
    int apiPort = LocalHttp.freePort();
    int healthPort = LocalHttp.freePort();
    try (KubernetesClient unreachable =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:" + apiPort)
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build()) {

      assertThatIllegalStateException()
          .isThrownBy(
              () ->
                  ControllerProcess.start(
                      unreachable, options("only"), "127.0.0.1", healthPort, true))
          // the JDK client's root cause varies (ConnectException, ClosedChannelException)
          .withMessageStartingWith(
              "the controller could not start against http://127.0.0.1:" + apiPort + "/: ")
          .withMessageEndingWith(
              " (is the API server reachable, the LotteryRound CRD installed, and are the RBAC"
                  + " rules granted?)");
      assertThat(LocalHttp.status(healthPort, "/healthz")).as("the probes stopped").isEqualTo(-1);
    }
  }

  private ControllerProcess start(String identity, boolean metrics) {
    NamespacedKubernetesClient own = opened.add(server.newClient());
    return opened.add(ControllerProcess.start(own, options(identity), "127.0.0.1", 0, metrics));
  }

  private static ControllerOptions options(String identity) {
    return ControllerOptions.defaults()
        .withServerSideApply(false)
        .withLeaderElection(LeaderElection.of("lottery-controller", NAMESPACE, identity));
  }

  private static String body(ControllerProcess process, String path) throws Exception {
    return get(process.port(), path).body();
  }
}
