package io.enclavelottery.operator.reconciler;

import static org.awaitility.Awaitility.await;

import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.TimeUnit;

/**
 * fabric8's mock API server in CRUD mode, knowing LotteryRounds, that also lets a controller use
 * leases: JOSDK's start-up check posts a SelfSubjectRulesReview, which CRUD mode refuses with 422,
 * so that one request is answered by an expectation (checked before CRUD) granting lease access.
 * Closing it stops the server.
 */
public final class MockApiServer implements AutoCloseable {

  private final KubernetesMockServer server;

  private MockApiServer(KubernetesMockServer server) {
    this.server = server;
  }

  /** Starts the server on a free port. */
  public static MockApiServer start() {
    Map<ServerRequest, Queue<ServerResponse>> expectations = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            expectations,
            new KubernetesMixedDispatcher(
                expectations,
                List.of(
                    CustomResourceDefinitionContext.fromCustomResourceType(LotteryRound.class))),
            false);
    server.init();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(201, leaseRules())
        .always();
    return new MockApiServer(server);
  }

  /** A new client of the server; the caller closes it. */
  public NamespacedKubernetesClient newClient() {
    return server.createClient();
  }

  /** The server's address, {@code http://localhost:PORT}. */
  public String url() {
    return "http://" + server.getHostName() + ":" + server.getPort();
  }

  public KubernetesMockServer server() {
    return server;
  }

  /** The requests the server received since the last call, as "METHOD path". */
  public List<String> takeRequests() throws InterruptedException {
    List<String> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request.getMethod() + " " + request.getPath());
    }
    return requests;
  }

  /**
   * The Secret a local signer reads: {@code keyHex} (no 0x) stored 0x-prefixed under the default
   * key, as an operator would create it.
   */
  public static Secret operatorKeySecret(String namespace, String name, String keyHex) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withData(
            Map.of(
                SecretKeyRef.DEFAULT_KEY,
                Base64.getEncoder()
                    .encodeToString(("0x" + keyHex).getBytes(StandardCharsets.UTF_8))))
        .build();
  }

  /**
   * Creates a LotteryRound whose key Secret does not exist: reconciled, it is Blocked and needs no
   * chain, so a test sees a whole reconcile without Anvil.
   */
  public void createLotteryRoundWithoutSecret(String namespace, String name) {
    LotteryRound resource = new LotteryRound();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    resource.setSpec(
        new LotteryRoundSpec(
            new ChainSpec("http://127.0.0.1:8545", 31337L, null),
            new ContractSpec("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
            new SignerSpec(SignerType.LOCAL, new SecretKeyRef("absent", null), null),
            null,
            null,
            null));
    try (NamespacedKubernetesClient client = newClient()) {
      client.resources(LotteryRound.class).inNamespace(namespace).resource(resource).create();
    }
  }

  /**
   * Makes {@code holder} the holder of Lease {@code namespace/name}, renewed now for an hour, as if
   * it had won it: the replica that held it loses it at its next renewal.
   */
  public void takeLease(String namespace, String name, String holder) {
    try (NamespacedKubernetesClient client = newClient()) {
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreExceptions() // the holder's renewals race this edit: 409, retried
          .until(
              () ->
                  client
                          .leases()
                          .inNamespace(namespace)
                          .withName(name)
                          .edit(
                              lease -> {
                                lease.getSpec().setHolderIdentity(holder);
                                lease.getSpec().setLeaseDurationSeconds(3600);
                                lease.getSpec().setRenewTime(ZonedDateTime.now());
                                return lease;
                              })
                      != null);
    }
  }

  @Override
  public void close() {
    server.destroy();
  }

  private static SelfSubjectRulesReview leaseRules() {
    return new SelfSubjectRulesReviewBuilder()
        .withNewStatus()
        .withIncomplete(false)
        .withResourceRules(
            new ResourceRuleBuilder()
                .withApiGroups("coordination.k8s.io")
                .withResources("leases")
                .withVerbs("create", "update", "get")
                .build())
        .endStatus()
        .build();
  }
}
