package io.enclavelottery.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.crd.FrontendSpec;
import io.enclavelottery.crd.GasSpec;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.reconciler.MockApiServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workflow against fabric8's mock API server in CRUD mode: JOSDK creates every child with an
 * owner reference to the LotteryRound, and deletes the frontend's or the signer's when the spec no
 * longer asks for them.
 */
class DependentWorkflowMockServerTest {

  private static final String NS = ExampleRounds.NAMESPACE;
  private static final Duration PATIENCE = Duration.ofSeconds(20);

  @AutoClose private final Opened opened = new Opened();
  private KubernetesClient client;
  private final DependentsOnlyReconciler reconciler = new DependentsOnlyReconciler();

  @BeforeEach
  void start() {
    MockApiServer server = opened.add(MockApiServer.start());
    client = opened.add(server.newClient());
    KubernetesClient controllerClient =
        opened.add(
            server
                .server()
                .createClient(b -> b.editOrNewConfig().withNamespace("operators").endConfig()));
    Operator operator =
        new Operator(
            o ->
                o.withKubernetesClient(controllerClient)
                    .withCloseClientOnStop(false)
                    // the mock implements no server-side apply
                    .withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false));
    operator.register(reconciler);
    operator.start();
    opened.add(operator::stop);
  }

  @Test
  void createsEveryChildOwnedByTheLotteryRound() {
    LotteryRound created = client.resource(withoutUid(ExampleRounds.complete())).create();

    List<Class<? extends HasMetadata>> frontendKinds =
        List.of(
            ConfigMap.class, Deployment.class, Service.class, Ingress.class, NetworkPolicy.class);
    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              frontendKinds.forEach(kind -> assertOwned(kind, "sepolia-lottery-frontend", created));
              signerKinds().forEach(kind -> assertOwned(kind, "sepolia-lottery-signer", created));
            });

    NetworkPolicy signerPolicy =
        client
            .network()
            .v1()
            .networkPolicies()
            .inNamespace(NS)
            .withName("sepolia-lottery-signer")
            .get();
    assertThat(
            signerPolicy
                .getSpec()
                .getIngress()
                .get(0)
                .getFrom()
                .get(0)
                .getNamespaceSelector()
                .getMatchLabels())
        .containsEntry("kubernetes.io/metadata.name", "operators");
  }

  @Test
  void leavesChildrenAloneWhenNothingTheyDependOnChanged() {
    LotteryRound created = client.resource(withoutUid(ExampleRounds.complete())).create();
    await().atMost(PATIENCE).untilAsserted(() -> assertThat(children()).doesNotContainNull());
    List<String> versions = childVersions();
    int reconciles = reconciler.reconciles();

    // a spec change no child depends on: a new generation, so JOSDK reconciles
    client
        .resource(
            ExampleRounds.withSpec(
                created,
                s ->
                    new LotteryRoundSpec(
                        s.chain(),
                        s.contract(),
                        s.signer(),
                        s.rounds(),
                        new GasSpec(2.0, null),
                        s.frontend())))
        .update();

    await().atMost(PATIENCE).until(() -> reconciler.reconciles() > reconciles);
    assertThat(childVersions()).isEqualTo(versions);
  }

  @Test
  void removesTheSignerWhenTheSignerBecomesLocal() {
    LotteryRound created = client.resource(withoutUid(ExampleRounds.complete())).create();
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertOwned(NetworkPolicy.class, "sepolia-lottery-signer", created));

    SignerSpec enclave = created.getSpec().signer();
    client
        .resource(
            ExampleRounds.withSigner(
                created, new SignerSpec(SignerType.LOCAL, enclave.keySecretRef(), null)))
        .update();

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () ->
                signerKinds()
                    .forEach(
                        kind ->
                            assertThat(
                                    client
                                        .resources(kind)
                                        .inNamespace(NS)
                                        .withName("sepolia-lottery-signer")
                                        .get())
                                .as(kind.getSimpleName())
                                .isNull()));
    assertThat(
            client.apps().deployments().inNamespace(NS).withName("sepolia-lottery-frontend").get())
        .isNotNull();
  }

  /** Every child of the complete example, null where it does not exist. */
  private List<HasMetadata> children() {
    Stream<HasMetadata> frontend =
        Stream.of(
                ConfigMap.class,
                Deployment.class,
                Service.class,
                Ingress.class,
                NetworkPolicy.class)
            .map(
                kind ->
                    client
                        .resources(kind)
                        .inNamespace(NS)
                        .withName("sepolia-lottery-frontend")
                        .get());
    Stream<HasMetadata> signer =
        signerKinds().stream()
            .map(
                kind ->
                    client
                        .resources(kind)
                        .inNamespace(NS)
                        .withName("sepolia-lottery-signer")
                        .get());
    return Stream.concat(frontend, signer).toList();
  }

  private List<String> childVersions() {
    return children().stream()
        .map(child -> child.getKind() + "/" + child.getMetadata().getResourceVersion())
        .toList();
  }

  private static List<Class<? extends HasMetadata>> signerKinds() {
    return List.of(Deployment.class, Service.class, NetworkPolicy.class);
  }

  @Test
  void removesTheFrontendWhenItIsDisabled() {
    LotteryRound created = client.resource(withoutUid(ExampleRounds.minimal())).create();
    await()
        .atMost(PATIENCE)
        .untilAsserted(() -> assertOwned(Deployment.class, "dev-lottery-frontend", created));
    assertThat(client.apps().deployments().inNamespace(NS).withName("dev-lottery-signer").get())
        .isNull();
    assertThat(
            client
                .network()
                .v1()
                .ingresses()
                .inNamespace(NS)
                .withName("dev-lottery-frontend")
                .get())
        .isNull();

    LotteryRound disabled =
        ExampleRounds.withFrontend(created, new FrontendSpec(false, null, null, null, null));
    client.resource(disabled).update();

    await()
        .atMost(PATIENCE)
        .untilAsserted(
            () -> {
              assertThat(
                      client
                          .apps()
                          .deployments()
                          .inNamespace(NS)
                          .withName("dev-lottery-frontend")
                          .get())
                  .isNull();
              assertThat(client.services().inNamespace(NS).withName("dev-lottery-frontend").get())
                  .isNull();
              assertThat(client.configMaps().inNamespace(NS).withName("dev-lottery-frontend").get())
                  .isNull();
            });
  }

  private void assertOwned(Class<? extends HasMetadata> kind, String name, LotteryRound owner) {
    HasMetadata child = client.resources(kind).inNamespace(NS).withName(name).get();
    assertThat(child).as("%s %s", kind.getSimpleName(), name).isNotNull();
    assertThat(child.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(
            ref -> {
              assertThat(ref.getKind()).isEqualTo("LotteryRound");
              assertThat(ref.getName()).isEqualTo(owner.getMetadata().getName());
              assertThat(ref.getUid()).isEqualTo(owner.getMetadata().getUid());
              assertThat(ref.getApiVersion()).isEqualTo("enclave-lottery.io/v1alpha1");
            });
  }

  private static LotteryRound withoutUid(LotteryRound round) {
    round.getMetadata().setUid(null);
    return round;
  }
}
