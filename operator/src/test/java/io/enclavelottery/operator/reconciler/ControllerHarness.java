package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.chain.signer.CapturedLogs;
import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.keeper.KeeperChain;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * The controller's integration-test bench: the mock API server ({@link MockApiServer}), a real
 * Anvil with a deployed lottery ({@link KeeperChain}), and a controller on its own client that can
 * be stopped and started again. Reads back statuses, Events and the requests the server received.
 */
final class ControllerHarness implements AutoCloseable {

  static final String NAMESPACE = "lottery";
  static final String SECRET = "operator-key";

  private final Opened opened = new Opened();
  private final CapturedLogs logs;
  private final MockApiServer server;
  private final NamespacedKubernetesClient client;
  private final KeeperChain chain;
  private final ControllerOptions options;
  private NamespacedKubernetesClient controllerClient;
  private LotteryController controller;

  private ControllerHarness(Duration betting, ControllerOptions options) {
    try {
      logs = opened.add(new CapturedLogs());
      server = opened.add(MockApiServer.start());
      client = opened.add(server.newClient());
      chain = opened.add(KeeperChain.start(betting));
    } catch (RuntimeException e) {
      try {
        opened.close();
      } catch (Exception notClosed) {
        e.addSuppressed(notClosed);
      }
      throw e;
    }
    this.options = options;
  }

  /** A mock API server, Anvil with a lottery whose betting runs {@code betting}, a controller. */
  static ControllerHarness start(Duration betting) {
    return start(betting, UnaryOperator.identity());
  }

  /** As {@link #start(Duration)}, with the controller's options changed by {@code options}. */
  static ControllerHarness start(Duration betting, UnaryOperator<ControllerOptions> options) {
    ControllerHarness harness =
        new ControllerHarness(
            betting, options.apply(ControllerOptions.defaults().withServerSideApply(false)));
    harness.startController();
    return harness;
  }

  /**
   * A mock API server and Anvil with a lottery, as {@link #start(Duration)}, but no controller: the
   * test starts its own on {@link #server()}.
   */
  static ControllerHarness startWithoutController(Duration betting) {
    return new ControllerHarness(betting, ControllerOptions.defaults().withServerSideApply(false));
  }

  MockApiServer server() {
    return server;
  }

  KeeperChain chain() {
    return chain;
  }

  NamespacedKubernetesClient client() {
    return client;
  }

  /** Starts a controller (a new one after {@link #stopController()}). */
  void startController() {
    controllerClient = server.newClient();
    controller = LotteryController.create(controllerClient, new SimpleMeterRegistry(), options);
    controller.start();
  }

  /** Stops the controller and its keepers, as a crash or a rollout would. */
  void stopController() {
    if (controller != null) {
      controller.close();
      controllerClient.close();
      controller = null;
    }
  }

  /**
   * With interval mining stopped, player {@code index} bets and exactly one block is mined with it,
   * so what the controller sends in answer waits in the pool.
   */
  void betInOneManualBlock(int index) {
    chain.pauseMining();
    CompletableFuture<Void> bet = CompletableFuture.runAsync(() -> chain.bet(index));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                chain.pendingNonce(chain.player(index).address())
                    > chain.nonce(chain.player(index).address()));
    chain.anvil().rpc("evm_mine");
    bet.join();
  }

  /** The operator's private key as hex without 0x, as it must never be shown. */
  String operatorKeyHex() {
    return chain.operator().key().credentials().getEcKeyPair().getPrivateKey().toString(16);
  }

  /** The Secret {@link #SECRET} holding {@code keyHex} (0x-prefixed in the Secret). */
  void createSecret(String keyHex) {
    client
        .secrets()
        .inNamespace(NAMESPACE)
        .resource(MockApiServer.operatorKeySecret(NAMESPACE, SECRET, keyHex))
        .create();
  }

  /** A spec for this chain's lottery over WebSocket, signed with {@link #SECRET}. */
  LotteryRoundSpec spec(RoundsSpec rounds) {
    return spec(chain.anvil().wsUrl(), LocalAnvil.CHAIN_ID, chain.lottery(), rounds);
  }

  LotteryRoundSpec spec(String rpcUrl, long chainId, String contract, RoundsSpec rounds) {
    return new LotteryRoundSpec(
        new ChainSpec(rpcUrl, chainId, null),
        new ContractSpec(contract),
        new SignerSpec(SignerType.LOCAL, new SecretKeyRef(SECRET, null), null),
        rounds,
        null,
        null);
  }

  void create(String name, LotteryRoundSpec spec) {
    LotteryRound resource = new LotteryRound();
    resource.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(NAMESPACE).build());
    resource.setSpec(spec);
    client.resources(LotteryRound.class).inNamespace(NAMESPACE).resource(resource).create();
  }

  /** Creates the LotteryRound and waits until it is Ready. */
  void createReady(String name, LotteryRoundSpec spec) {
    create(name, spec);
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> conditionIs(name, ConditionType.READY, ConditionStatus.TRUE));
  }

  /** Waits until the LotteryRound's status passes {@code test}; returns that status. */
  LotteryRoundStatus awaitStatus(String name, Predicate<LotteryRoundStatus> test) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> status(name).filter(test), Optional::isPresent)
        .orElseThrow();
  }

  /**
   * Edits the spec as {@code kubectl edit} would: a patch of the spec alone, retried when the
   * controller's write got there first.
   */
  void editSpec(String name, UnaryOperator<LotteryRoundSpec> change) {
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptionsInstanceOf(KubernetesClientException.class)
        .until(
            () -> {
              client
                  .resources(LotteryRound.class)
                  .inNamespace(NAMESPACE)
                  .withName(name)
                  .edit(
                      current -> {
                        current.setSpec(change.apply(current.getSpec()));
                        return current;
                      });
              return true;
            });
  }

  LotteryRound resource(String name) {
    return client.resources(LotteryRound.class).inNamespace(NAMESPACE).withName(name).get();
  }

  Optional<LotteryRoundStatus> status(String name) {
    return Optional.ofNullable(resource(name)).map(LotteryRound::getStatus);
  }

  Optional<LotteryCondition> condition(String name, ConditionType type) {
    return status(name).flatMap(s -> s.condition(type));
  }

  /** Whether the condition is there with that status. */
  boolean conditionIs(String name, ConditionType type, ConditionStatus status) {
    return condition(name, type).map(c -> c.status() == status).orElse(false);
  }

  List<Event> events() {
    return client.v1().events().inNamespace(NAMESPACE).list().getItems();
  }

  List<Event> events(String reason) {
    return events().stream().filter(e -> reason.equals(e.getReason())).toList();
  }

  List<String> eventReasons() {
    return events().stream().map(Event::getReason).toList();
  }

  /** The requests the server received since the last call, as "METHOD path". */
  List<String> requests() throws InterruptedException {
    return server.takeRequests();
  }

  /** Of {@code requests}, the writes of a LotteryRound's status. */
  static List<String> statusWrites(List<String> requests) {
    return requests.stream()
        .filter(
            r -> !r.startsWith("GET ") && r.contains("/lotteryrounds/") && r.contains("/status"))
        .toList();
  }

  /**
   * Asserts that the key shows nowhere: not in any stored LotteryRound (status included), not in
   * any Event, not in any line logged since this harness started.
   */
  void assertKeyNeverShown(String keyHex) {
    String key = keyHex.toLowerCase();
    List<String> shown = new ArrayList<>(logs.lines());
    client.resources(LotteryRound.class).inAnyNamespace().list().getItems().stream()
        .map(Serialization::asJson)
        .forEach(shown::add);
    events().stream().map(Serialization::asJson).forEach(shown::add);
    assertThat(shown).isNotEmpty().noneMatch(text -> text.toLowerCase().contains(key));
  }

  @Override
  public void close() throws Exception {
    try {
      stopController();
    } finally {
      opened.close();
    }
  }
}
