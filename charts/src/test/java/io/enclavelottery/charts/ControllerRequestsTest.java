package io.enclavelottery.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.operator.dependent.EnclaveResources;
import io.enclavelottery.operator.reconciler.ControllerOptions;
import io.enclavelottery.operator.reconciler.LeaderElection;
import io.enclavelottery.operator.reconciler.LotteryController;
import io.enclavelottery.operator.reconciler.MockApiServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC against what the controller really does: the controller runs against fabric8's
 * mock API server through a whole life of the LotteryRound the enclave values render (created with
 * an enclave signer, a frontend and an Ingress; switched to a local signer without a frontend;
 * deleted), and every request it made must be one the chart grants. Every grant it did not use must
 * be explained below (mostly server-side apply, which a real cluster sees and the mock cannot
 * serve).
 */
class ControllerRequestsTest {

  private static final String USER_AGENT = "enclave-lottery-controller-under-test";
  private static final String LOTTERY_NAMESPACE = "lottery";

  private static final String SERVER_SIDE_APPLY =
      "lottery operator writes children by server-side apply (PATCH) in a real cluster; the mock"
          + " has none, so here they are created with POST and updated with PUT";

  /** Grants the controller holds without the mock seeing them used, and why. */
  private static final Map<String, String> EXPLAINED =
      Map.of(
          "enclave-lottery.io lotteryrounds/finalizers update",
          "no request: the API server checks it when a child's owner reference blocks its owner's"
              + " deletion",
          "coordination.k8s.io leases update",
          "never used (fabric8 renews with patch), but JOSDK's start-up check refuses to start"
              + " without it",
          "core configmaps patch",
          SERVER_SIDE_APPLY,
          "core services patch",
          SERVER_SIDE_APPLY,
          "apps deployments patch",
          SERVER_SIDE_APPLY,
          "networking.k8s.io ingresses patch",
          SERVER_SIDE_APPLY,
          "networking.k8s.io networkpolicies patch",
          SERVER_SIDE_APPLY);

  private static MockApiServer server;
  private static final List<ApiRequest> requests = new ArrayList<>();
  private static Deployment signer;
  private static Ingress ingress;

  @BeforeAll
  static void runTheControllerThroughALotteryRoundsLife() throws Exception {
    LotteryRound lottery = renderedLotteryRound();
    server = MockApiServer.start();
    try (NamespacedKubernetesClient test = server.newClient();
        KubernetesClient controllerClient = controllerClient(test)) {
      LotteryController controller =
          LotteryController.create(
              controllerClient,
              new SimpleMeterRegistry(),
              ControllerOptions.defaults()
                  .withServerSideApply(false)
                  .withLeaderElection(
                      LeaderElection.of(
                          "enclave-lottery-operator", Chart.NAMESPACE, "controller-0")));
      try {
        controller.start();
        test.resources(LotteryRound.class).resource(lottery).create();
        signer = awaitChild(test, Deployment.class, "sepolia-lottery-signer");
        ingress = awaitChild(test, Ingress.class, "sepolia-lottery-frontend");

        // a change of every child: each is updated
        edit(
            test,
            spec -> {
              spec.with("chain").put("rpcUrl", "http://127.0.0.1:10");
              ObjectNode frontend = spec.with("frontend");
              frontend.put("replicas", 3);
              frontend.with("service").put("port", 8080);
              frontend.with("ingress").put("host", "play.example.com");
              spec.with("signer").with("enclave").put("signingPort", 9100);
            });
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    requestsSoFar().stream()
                            .filter(r -> r.verb().equals("update"))
                            .map(ApiRequest::resource)
                            .distinct()
                            .count()
                        == 5);

        // the enclave and the frontend switched off: their children are deleted
        edit(
            test,
            spec -> {
              spec.putObject("signer")
                  .put("type", "local")
                  .putObject("keySecretRef")
                  .put("name", "operator-key");
              ((ObjectNode) spec.get("frontend")).put("enabled", false);
            });
        await().atMost(Duration.ofSeconds(30)).until(() -> children(test).isEmpty());

        test.resources(LotteryRound.class).resource(lottery).delete();
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    test.resources(LotteryRound.class)
                            .inNamespace(LOTTERY_NAMESPACE)
                            .withName("sepolia-lottery")
                            .get()
                        == null);
      } finally {
        controller.close();
      }
    }
    requestsSoFar();
  }

  /** The controller's requests so far, read from the server's record. */
  private static List<ApiRequest> requestsSoFar() throws InterruptedException {
    RecordedRequest request;
    while ((request = server.server().takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      if (USER_AGENT.equals(request.getHeader("User-Agent"))) {
        requests.add(ApiRequest.of(request.getMethod(), request.getPath()));
      }
    }
    return requests;
  }

  @AfterAll
  static void stopTheServer() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void everyRequestTheControllerMadeIsGranted() {
    ChartRbac rbac = new ChartRbac(Chart.render(Map.of()));
    assertThat(requests).isNotEmpty();
    assertThat(requests)
        // JOSDK's start-up check of its lease rights; every authenticated user may ask
        // (ClusterRole system:basic-user), so the chart grants nothing for it
        .filteredOn(r -> !r.resource().equals("selfsubjectrulesreviews"))
        .allSatisfy(r -> assertThat(rbac.allows(r)).as("%s is granted by the chart", r).isTrue());
  }

  @Test
  void everyGrantWasUsedOrIsExplained() {
    ChartRbac rbac = new ChartRbac(Chart.render(Map.of()));
    Set<String> used = new LinkedHashSet<>();
    requests.forEach(r -> used.add(r.grant()));
    Set<String> unused = new LinkedHashSet<>(rbac.grants());
    unused.removeAll(used);
    assertThat(EXPLAINED.keySet())
        .as("grants the controller did not use are explained")
        .containsAll(unused);
    assertThat(rbac.grants())
        .as("every explanation is about a grant the chart still makes")
        .containsAll(EXPLAINED.keySet());
  }

  @Test
  void theLeaseIsTheOnlyThingWrittenInTheControllersNamespace() {
    assertThat(requests)
        .filteredOn(r -> Chart.NAMESPACE.equals(r.namespace()))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.resource()).isEqualTo("leases"));
  }

  @Test
  void secretsAreReadByNameOnly() {
    assertThat(requests)
        .filteredOn(r -> r.resource().equals("secrets"))
        .isNotEmpty()
        .allSatisfy(
            r -> {
              assertThat(r.verb()).isEqualTo("get");
              assertThat(r.name()).isEqualTo("operator-key");
            });
  }

  @Test
  void theEnclaveDefaultsPutTheSignerOnANitroNodeWithItsDeviceAndHugepages() {
    PodSpec pod = signer.getSpec().getTemplate().getSpec();
    assertThat(pod.getNodeSelector())
        .containsExactly(Map.entry("aws-nitro-enclaves-k8s-dp", "enabled"));
    assertThat(pod.getTolerations())
        .singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("aws-nitro-enclaves"));
    var resources = pod.getContainers().get(0).getResources();
    assertThat(resources.getLimits().get(EnclaveResources.NITRO_ENCLAVES).toString())
        .isEqualTo("1");
    assertThat(resources.getLimits().get(EnclaveResources.HUGEPAGES).toString())
        .isEqualTo("3000Mi");
    assertThat(resources.getRequests().get(EnclaveResources.HUGEPAGES))
        .isEqualTo(resources.getLimits().get(EnclaveResources.HUGEPAGES));
    assertThat(pod.getContainers().get(0).getCommand())
        .last()
        .asString()
        .contains("--cpu-count 2", "--memory 3000");
  }

  @Test
  void theFrontendIsPublishedWithTls() {
    assertThat(ingress.getSpec().getTls())
        .singleElement()
        .satisfies(
            tls -> {
              assertThat(tls.getHosts()).containsExactly("lottery.example.com");
              assertThat(tls.getSecretName()).isEqualTo("lottery-example-com-tls");
            });
  }

  private static LotteryRound renderedLotteryRound() {
    HasMetadata rendered =
        Chart.render(Map.of(), "enclave-values.yaml").ofKind("LotteryRound").get(0);
    return Serialization.unmarshal(Serialization.asYaml(rendered), LotteryRound.class);
  }

  /** The controller's own client, told apart by its User-Agent, in the chart's namespace. */
  private static KubernetesClient controllerClient(KubernetesClient test) {
    return new KubernetesClientBuilder()
        .withConfig(
            new ConfigBuilder(test.getConfiguration())
                .withUserAgent(USER_AGENT)
                .withNamespace(Chart.NAMESPACE)
                .build())
        .build();
  }

  private static <T extends HasMetadata> T awaitChild(
      KubernetesClient client, Class<T> kind, String name) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> client.resources(kind).inNamespace(LOTTERY_NAMESPACE).withName(name).get(),
            found -> found != null);
  }

  private static List<HasMetadata> children(KubernetesClient client) {
    List<HasMetadata> children = new ArrayList<>();
    children.addAll(client.apps().deployments().inNamespace(LOTTERY_NAMESPACE).list().getItems());
    children.addAll(client.services().inNamespace(LOTTERY_NAMESPACE).list().getItems());
    children.addAll(client.configMaps().inNamespace(LOTTERY_NAMESPACE).list().getItems());
    children.addAll(
        client.network().v1().ingresses().inNamespace(LOTTERY_NAMESPACE).list().getItems());
    children.addAll(
        client.network().v1().networkPolicies().inNamespace(LOTTERY_NAMESPACE).list().getItems());
    return children;
  }

  /** Changes the spec as a person would, again when the controller's write got there first. */
  private static void edit(KubernetesClient client, Consumer<ObjectNode> change) {
    ObjectMapper json = new ObjectMapper();
    for (int attempt = 0; ; attempt++) {
      LotteryRound current =
          client
              .resources(LotteryRound.class)
              .inNamespace(LOTTERY_NAMESPACE)
              .withName("sepolia-lottery")
              .get();
      ObjectNode document = json.valueToTree(current);
      change.accept((ObjectNode) document.get("spec"));
      try {
        client
            .resources(LotteryRound.class)
            .resource(json.convertValue(document, LotteryRound.class))
            .update();
        return;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt >= 10) {
          throw e;
        }
      }
    }
  }
}
