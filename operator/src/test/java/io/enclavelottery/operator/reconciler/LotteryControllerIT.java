package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.signer.CapturedLogs;
import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryPhase;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.RoundOutcome;
import io.enclavelottery.crd.RoundResult;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.keeper.KeeperChain;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controller against fabric8's mock API server (CRUD mode) and a real Anvil with 1-second
 * blocks: a LotteryRound and its key Secret drive a round from bets to a winner in the status; a
 * LotteryRound whose Secret is missing sends nothing and says why.
 */
class LotteryControllerIT {

  private static final String NAMESPACE = "lottery";
  private static final String SECRET = "operator-key";
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private final List<AutoCloseable> opened = new ArrayList<>();
  private KubernetesMockServer server;
  private NamespacedKubernetesClient client;
  private KeeperChain chain;

  @BeforeEach
  void start() {
    CustomResourceDefinitionContext lotteryRounds =
        CustomResourceDefinitionContext.fromCustomResourceType(LotteryRound.class);
    server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(List.of(lotteryRounds)),
            false);
    server.init();
    client = server.createClient();
    NamespacedKubernetesClient controllerClient = server.createClient();
    opened.add(controllerClient);
    chain = KeeperChain.start(Duration.ofSeconds(30));
    opened.add(chain);
    LotteryController controller =
        LotteryController.create(
            controllerClient,
            new SimpleMeterRegistry(),
            ControllerOptions.defaults().withServerSideApply(false));
    opened.add(controller);
    controller.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
    client.close();
    server.destroy();
  }

  @Test
  void drivesARoundFromBetsToTheWinnerInTheStatus() {
    try (CapturedLogs logs = new CapturedLogs()) {
      String key = chain.operator().key().credentials().getEcKeyPair().getPrivateKey().toString(16);
      createSecret(key);
      create("main", SECRET);

      await()
          .atMost(PATIENCE)
          .until(() -> status("main").flatMap(s -> s.condition(ConditionType.READY)), ready());
      LotteryRoundStatus running = status("main").orElseThrow();
      assertThat(running.phase()).isEqualTo(LotteryPhase.RUNNING);
      assertThat(running.operatorAddress()).isEqualTo(chain.operator().address().toLowerCase());

      chain.bet(0);
      chain.bet(1);
      chain.bet(2);
      await().atMost(PATIENCE).until(() -> eventReasons().contains("SeedCommitted"));
      chain.jumpTo(chain.contract().round().minDrawTime().minusSeconds(4));
      await()
          .atMost(PATIENCE)
          .until(() -> status("main").map(LotteryRoundStatus::lastResult).isPresent());

      RoundResult result = status("main").orElseThrow().lastResult();
      Round drawn = chain.contract().roundById(result.roundId());
      assertThat(result.outcome()).isEqualTo(RoundOutcome.DRAWN);
      assertThat(result.winner()).isEqualTo(drawn.winner());
      assertThat(result.prize()).isEqualTo(Ether.of(drawn.winnerPrize()));
      assertThat(result.pot()).isEqualTo(Ether.of(KeeperChain.BET.multiply(BigInteger.valueOf(3))));
      assertThat(eventReasons()).contains("RoundStarted", "SeedCommitted", "WinnerDrawn");
      // the reconciler's inherited workflow made the frontend's children, owned by the resource
      var frontend =
          client.apps().deployments().inNamespace(NAMESPACE).withName("main-frontend").get();
      assertThat(frontend).isNotNull();
      assertThat(frontend.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(owner -> assertThat(owner.getKind()).isEqualTo("LotteryRound"));
      assertThat(client.configMaps().inNamespace(NAMESPACE).withName("main-frontend").get())
          .isNotNull();

      List<String> stored = new ArrayList<>();
      client.resources(LotteryRound.class).inAnyNamespace().list().getItems().stream()
          .map(Serialization::asJson)
          .forEach(stored::add);
      events().stream().map(Serialization::asJson).forEach(stored::add);
      stored.addAll(logs.lines());
      assertThat(stored).noneMatch(text -> text.toLowerCase().contains(key.toLowerCase()));
    }
  }

  @Test
  void aSecondLotteryRoundOnTheSameContractStandsBy() {
    create("main", "absent");
    await().atMost(PATIENCE).until(() -> status("main").isPresent());
    // creation times have whole seconds: let "main" be older, so only its age (not its name,
    // which sorts after "copy") makes it the one that runs the contract
    Instant created = Instant.parse(resource("main").getMetadata().getCreationTimestamp());
    await().atMost(PATIENCE).until(() -> Instant.now().isAfter(created.plusSeconds(1)));
    create("copy", "absent");

    await()
        .atMost(PATIENCE)
        .until(
            () -> status("copy").map(LotteryRoundStatus::phase),
            Optional.of(LotteryPhase.STANDBY)::equals);
    LotteryCondition ready =
        status("copy").flatMap(s -> s.condition(ConditionType.READY)).orElseThrow();
    assertThat(ready.reason()).isEqualTo("Standby");
    assertThat(ready.message())
        .contains("LotteryRound lottery/main is older and runs contract " + chain.lottery());
  }

  @Test
  void aMissingSecretSendsNothingAndSaysWhy() throws InterruptedException {
    long nonce = chain.nonce(chain.operator().address());
    create("main", "absent");

    await()
        .atMost(PATIENCE)
        .until(
            () -> status("main").flatMap(s -> s.condition(ConditionType.SIGNER_READY)),
            c -> c.isPresent() && c.get().status() == ConditionStatus.FALSE);
    LotteryRoundStatus status = status("main").orElseThrow();
    LotteryCondition signer = status.condition(ConditionType.SIGNER_READY).orElseThrow();
    assertThat(status.phase()).isEqualTo(LotteryPhase.BLOCKED);
    assertThat(signer.reason()).isEqualTo("SecretNotFound");
    assertThat(signer.message())
        .isEqualTo(
            "Secret lottery/absent does not exist: create it with the operator's private key"
                + " under \"privateKey\"; nothing is sent until then");
    await().atMost(PATIENCE).until(() -> !events().isEmpty());
    Event warning = events().get(0);
    assertThat(warning.getType()).isEqualTo("Warning");
    assertThat(warning.getReason()).isEqualTo("SecretNotFound");
    assertThat(warning.getMessage()).isEqualTo(signer.message());
    assertThat(warning.getInvolvedObject().getName()).isEqualTo("main");
    assertThat(chain.nonce(chain.operator().address())).isEqualTo(nonce);
    assertThat(chain.pendingNonce(chain.operator().address())).isEqualTo(nonce);
    assertThat(requests())
        .filteredOn(request -> request.contains("/secrets"))
        .isNotEmpty()
        .allMatch("GET /api/v1/namespaces/lottery/secrets/absent"::equals);
  }

  @Test
  void aMalformedAddressSendsNothingAndSaysWhy() throws InterruptedException {
    long nonce = chain.nonce(chain.operator().address());
    create("main", "0x1234", "absent");

    await()
        .atMost(PATIENCE)
        .until(
            () -> status("main").map(LotteryRoundStatus::phase),
            Optional.of(LotteryPhase.BLOCKED)::equals);
    LotteryRoundStatus status = status("main").orElseThrow();
    LotteryCondition ready = status.condition(ConditionType.READY).orElseThrow();
    assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready.reason()).isEqualTo("InvalidSpec");
    assertThat(ready.message())
        .isEqualTo(
            "contract.address \"0x1234\" is not an address: it must be 0x followed by 40 hex"
                + " digits");
    assertThat(status.lastError()).isEqualTo(ready.message());
    await().atMost(PATIENCE).until(() -> !events().isEmpty());
    assertThat(events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getType()).isEqualTo("Warning");
              assertThat(event.getReason()).isEqualTo("InvalidSpec");
              assertThat(event.getMessage()).isEqualTo(ready.message());
            });
    assertThat(requests()).noneMatch(request -> request.contains("/secrets"));
    assertThat(chain.pendingNonce(chain.operator().address())).isEqualTo(nonce);
  }

  @Test
  void appliesTheSpecsRoundSettingsWhileTheContractWaits() {
    createSecret(chain.operator().key().credentials().getEcKeyPair().getPrivateKey().toString(16));
    create("main", chain.lottery(), SECRET, new RoundsSpec(60, "0.002", 3, false, null, null));

    await()
        .atMost(PATIENCE)
        .until(
            () -> {
              LotterySettings settings = chain.contract().settings();
              return settings.minParticipants() == 3
                  && settings.bettingDuration().equals(Duration.ofSeconds(60))
                  && settings.minBetAmount().equals(new BigInteger("2000000000000000"));
            });
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                status("main")
                    .flatMap(s -> s.condition(ConditionType.SETTINGS_IN_SYNC))
                    .map(c -> c.status() == ConditionStatus.TRUE)
                    .orElse(false));
    assertThat(eventReasons()).contains("SettingsUpdated");
  }

  private void createSecret(String key) {
    client
        .secrets()
        .inNamespace(NAMESPACE)
        .resource(MockApiServer.operatorKeySecret(NAMESPACE, SECRET, key))
        .create();
  }

  private void create(String name, String secret) {
    create(name, chain.lottery(), secret);
  }

  private void create(String name, String contract, String secret) {
    create(name, contract, secret, null);
  }

  private void create(String name, String contract, String secret, RoundsSpec rounds) {
    LotteryRound resource = new LotteryRound();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    resource.setSpec(
        new LotteryRoundSpec(
            new ChainSpec(chain.anvil().wsUrl(), 31337L, null),
            new ContractSpec(contract),
            new SignerSpec(SignerType.LOCAL, new SecretKeyRef(secret, null), null),
            rounds,
            null,
            null));
    client.resources(LotteryRound.class).inNamespace(NAMESPACE).resource(resource).create();
  }

  private LotteryRound resource(String name) {
    return client.resources(LotteryRound.class).inNamespace(NAMESPACE).withName(name).get();
  }

  private Optional<LotteryRoundStatus> status(String name) {
    return Optional.ofNullable(resource(name)).map(LotteryRound::getStatus);
  }

  /** The requests the server received so far (and not yet taken), as "METHOD path". */
  private List<String> requests() throws InterruptedException {
    List<String> requests = new ArrayList<>();
    RecordedRequest request;
    while ((request = server.takeRequest(100, TimeUnit.MILLISECONDS)) != null) {
      requests.add(request.getMethod() + " " + request.getPath());
    }
    return requests;
  }

  private List<Event> events() {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems();
  }

  private List<String> eventReasons() {
    return events().stream().map(Event::getReason).toList();
  }

  private static java.util.function.Predicate<Optional<LotteryCondition>> ready() {
    return c -> c.isPresent() && c.get().status() == ConditionStatus.TRUE;
  }
}
