package io.enclavelottery.cli;

import static io.enclavelottery.cli.LocalHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.operator.reconciler.MockApiServer;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lottery operator} as a pod runs it: the shaded jar in its own process, finding the API
 * server (fabric8's mock, in this JVM) through KUBECONFIG, its Lease namespace from the
 * kubeconfig's context and its identity from POD_NAME; it takes the Lease, answers its probes and
 * metrics, reconciles, logs to standard output, and stops on SIGTERM, or exits with 1 when it loses
 * the Lease.
 */
class OperatorCommandIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private MockApiServer server;
  private NamespacedKubernetesClient client;

  @TempDir Path temp;

  @BeforeEach
  void startServer() {
    server = MockApiServer.start();
    client = server.newClient();
  }

  @AfterEach
  void stopServer() {
    client.close();
    server.close();
  }

  @Test
  void runsAgainstTheKubeconfigAnswersItsProbesAndStopsOnSigterm() throws Exception {
    Path kubeconfig = temp.resolve("kubeconfig");
    Files.writeString(kubeconfig, kubeconfig(server.url(), "lottery"));
    int port = LocalHttp.freePort();
    Map<String, String> environment =
        Map.of("KUBECONFIG", kubeconfig.toString(), "POD_NAME", "lottery-operator-0");
    try (RunningProcess operator =
        RunningProcess.lotteryJar(
            environment,
            "operator",
            "--health-host",
            "127.0.0.1",
            "--health-port",
            Integer.toString(port),
            "--no-server-side-apply",
            "--trust-software-nsm")) {
      await()
          .atMost(PATIENCE)
          .until(() -> LocalHttp.status(port, "/readyz") == 200 || !operator.process().isAlive());
      assertThat(operator.out())
          .anyMatch(line -> line.contains("NOT SECURE: enclave signers on the software NSM"));
      await().atMost(PATIENCE).until(() -> get(port, "/readyz").body().contains("\"leader\":\""));
      assertThat(get(port, "/readyz").body())
          .isEqualTo(
              "{\"state\":\"running\",\"role\":\"leader\",\"identity\":\"lottery-operator-0\","
                  + "\"leader\":\"lottery-operator-0\",\"problems\":[]}");
      assertThat(get(port, "/healthz").statusCode()).isEqualTo(200);
      Lease lease =
          client.leases().inNamespace("lottery").withName(OperatorCommand.DEFAULT_LEASE).get();
      assertThat(lease.getSpec().getHolderIdentity()).isEqualTo("lottery-operator-0");

      server.createLotteryRoundWithoutSecret("lottery", "main");
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  get(port, "/metrics")
                      .body()
                      .contains("operator_sdk_controllers_execution_reconcile_success_total{"));
      assertThat(operator.out())
          .anyMatch(line -> line.contains("lottery-operator-0 holds the lease lottery/"));

      operator.process().toHandle().destroy(); // SIGTERM; Process.destroy() closes the pipes
      assertThat(operator.awaitExit(30)).isEqualTo(143);
      assertThat(operator.err()).isEmpty();
      assertThat(operator.out()).anyMatch(line -> line.contains("ControllerProcess - stopped"));
    }
  }

  @Test
  void aReplicaThatLosesTheLeaseExitsWithOneSoThatItRestartsAsAStandby() throws Exception {
    Path kubeconfig = temp.resolve("kubeconfig");
    Files.writeString(kubeconfig, kubeconfig(server.url(), "lottery"));
    int port = LocalHttp.freePort();
    try (RunningProcess operator =
        RunningProcess.lotteryJar(
            Map.of("KUBECONFIG", kubeconfig.toString(), "POD_NAME", "lottery-operator-0"),
            "operator",
            "--health-host",
            "127.0.0.1",
            "--health-port",
            Integer.toString(port),
            "--no-server-side-apply")) {
      await()
          .atMost(PATIENCE)
          .until(
              () ->
                  LocalHttp.status(port, "/readyz") == 200
                          && get(port, "/readyz").body().contains("\"role\":\"leader\"")
                      || !operator.process().isAlive());

      server.takeLease("lottery", OperatorCommand.DEFAULT_LEASE, "lottery-operator-1");

      assertThat(operator.awaitExit(60)).isEqualTo(ExitCodes.FAILED);
      assertThat(operator.err())
          .containsExactly(
              "lottery: this replica lost the lease and stopped acting; exiting so that it"
                  + " restarts as a standby");
      assertThat(operator.out())
          .anyMatch(
              line ->
                  line.contains(
                      "lost the lease lottery/enclave-lottery-operator to lottery-operator-1"));
    }
  }

  private static String kubeconfig(String server, String namespace) {
    return String.join(
        "\n",
        "apiVersion: v1",
        "kind: Config",
        "clusters:",
        "- name: mock",
        "  cluster:",
        "    server: " + server,
        "contexts:",
        "- name: mock",
        "  context:",
        "    cluster: mock",
        "    namespace: " + namespace,
        "    user: tester",
        "current-context: mock",
        "users:",
        "- name: tester",
        "  user:",
        "    token: not-a-secret",
        "");
  }
}
