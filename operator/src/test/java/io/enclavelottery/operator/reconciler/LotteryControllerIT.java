package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.Ether;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryPhase;
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
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The controller against fabric8's mock API server (CRUD mode) and a real Anvil with 1-second
 * blocks: a LotteryRound and its key Secret drive a round from bets to a winner in the status; a
 * LotteryRound whose Secret is missing sends nothing and says why.
 */
class LotteryControllerIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @AutoClose
  private final ControllerHarness harness = ControllerHarness.start(Duration.ofSeconds(30));

  private final NamespacedKubernetesClient client = harness.client();
  private final KeeperChain chain = harness.chain();

  @Test
  void drivesARoundFromBetsToTheWinnerInTheStatus() {
    String key = harness.operatorKeyHex();
    harness.createSecret(key);
    harness.createReady("main", harness.spec(null));
    LotteryRoundStatus running = harness.status("main").orElseThrow();
    assertThat(running.phase()).isEqualTo(LotteryPhase.RUNNING);
    assertThat(running.operatorAddress()).isEqualTo(chain.operator().address().toLowerCase());

    chain.bet(0);
    chain.bet(1);
    chain.bet(2);
    await().atMost(PATIENCE).until(() -> harness.eventReasons().contains("SeedCommitted"));
    chain.jumpTo(chain.contract().round().minDrawTime().minusSeconds(4));
    await()
        .atMost(PATIENCE)
        .until(() -> harness.status("main").map(LotteryRoundStatus::lastResult).isPresent());

    RoundResult result = harness.status("main").orElseThrow().lastResult();
    Round drawn = chain.contract().roundById(result.roundId());
    assertThat(result.outcome()).isEqualTo(RoundOutcome.DRAWN);
    assertThat(result.winner()).isEqualTo(drawn.winner());
    assertThat(result.prize()).isEqualTo(Ether.of(drawn.winnerPrize()));
    assertThat(result.pot()).isEqualTo(Ether.of(KeeperChain.BET.multiply(BigInteger.valueOf(3))));
    assertThat(harness.eventReasons()).contains("RoundStarted", "SeedCommitted", "WinnerDrawn");
    // the reconciler's inherited workflow made the frontend's children, owned by the resource
    var frontend =
        client
            .apps()
            .deployments()
            .inNamespace(ControllerHarness.NAMESPACE)
            .withName("main-frontend")
            .get();
    assertThat(frontend).isNotNull();
    assertThat(frontend.getMetadata().getOwnerReferences())
        .singleElement()
        .satisfies(owner -> assertThat(owner.getKind()).isEqualTo("LotteryRound"));
    assertThat(
            client
                .configMaps()
                .inNamespace(ControllerHarness.NAMESPACE)
                .withName("main-frontend")
                .get())
        .isNotNull();

    harness.assertKeyNeverShown(key);
  }

  @Test
  void aSecondLotteryRoundOnTheSameContractStandsBy() {
    createWithoutSecret("main", chain.lottery());
    await().atMost(PATIENCE).until(() -> harness.status("main").isPresent());
    // creation times have whole seconds: let "main" be older, so only its age (not its name,
    // which sorts after "copy") makes it the one that runs the contract
    Instant created = Instant.parse(harness.resource("main").getMetadata().getCreationTimestamp());
    await().atMost(PATIENCE).until(() -> Instant.now().isAfter(created.plusSeconds(1)));
    createWithoutSecret("copy", chain.lottery());

    await()
        .atMost(PATIENCE)
        .until(
            () -> harness.status("copy").map(LotteryRoundStatus::phase),
            Optional.of(LotteryPhase.STANDBY)::equals);
    LotteryCondition ready =
        harness.status("copy").flatMap(s -> s.condition(ConditionType.READY)).orElseThrow();
    assertThat(ready.reason()).isEqualTo("Standby");
    assertThat(ready.message())
        .contains("LotteryRound lottery/main is older and runs contract " + chain.lottery());
  }

  @Test
  void aMissingSecretSendsNothingAndSaysWhy() throws InterruptedException {
    long nonce = chain.nonce(chain.operator().address());
    createWithoutSecret("main", chain.lottery());

    await()
        .atMost(PATIENCE)
        .until(
            () -> harness.status("main").flatMap(s -> s.condition(ConditionType.SIGNER_READY)),
            c -> c.isPresent() && c.get().status() == ConditionStatus.FALSE);
    LotteryRoundStatus status = harness.status("main").orElseThrow();
    LotteryCondition signer = status.condition(ConditionType.SIGNER_READY).orElseThrow();
    assertThat(status.phase()).isEqualTo(LotteryPhase.BLOCKED);
    assertThat(signer.reason()).isEqualTo("SecretNotFound");
    assertThat(signer.message())
        .isEqualTo(
            "Secret lottery/absent does not exist: create it with the operator's private key"
                + " under \"privateKey\"; nothing is sent until then");
    await().atMost(PATIENCE).until(() -> !harness.events().isEmpty());
    Event warning = harness.events().get(0);
    assertThat(warning.getType()).isEqualTo("Warning");
    assertThat(warning.getReason()).isEqualTo("SecretNotFound");
    assertThat(warning.getMessage()).isEqualTo(signer.message());
    assertThat(warning.getInvolvedObject().getName()).isEqualTo("main");
    assertThat(chain.nonce(chain.operator().address())).isEqualTo(nonce);
    assertThat(chain.pendingNonce(chain.operator().address())).isEqualTo(nonce);
    assertThat(harness.requests())
        .filteredOn(request -> request.contains("/secrets"))
        .isNotEmpty()
        .allMatch("GET /api/v1/namespaces/lottery/secrets/absent"::equals);
  }

  @Test
  void aMalformedAddressSendsNothingAndSaysWhy() throws InterruptedException {
    long nonce = chain.nonce(chain.operator().address());
    createWithoutSecret("main", "0x1234");

    await()
        .atMost(PATIENCE)
        .until(
            () -> harness.status("main").map(LotteryRoundStatus::phase),
            Optional.of(LotteryPhase.BLOCKED)::equals);
    LotteryRoundStatus status = harness.status("main").orElseThrow();
    LotteryCondition ready = status.condition(ConditionType.READY).orElseThrow();
    assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready.reason()).isEqualTo("InvalidSpec");
    assertThat(ready.message())
        .isEqualTo(
            "contract.address \"0x1234\" is not an address: it must be 0x followed by 40 hex"
                + " digits");
    assertThat(status.lastError()).isEqualTo(ready.message());
    await().atMost(PATIENCE).until(() -> !harness.events().isEmpty());
    assertThat(harness.events())
        .singleElement()
        .satisfies(
            event -> {
              assertThat(event.getType()).isEqualTo("Warning");
              assertThat(event.getReason()).isEqualTo("InvalidSpec");
              assertThat(event.getMessage()).isEqualTo(ready.message());
            });
    assertThat(harness.requests()).noneMatch(request -> request.contains("/secrets"));
    assertThat(chain.pendingNonce(chain.operator().address())).isEqualTo(nonce);
  }

  @Test
  void appliesTheSpecsRoundSettingsWhileTheContractWaits() {
    harness.createSecret(harness.operatorKeyHex());
    harness.create("main", harness.spec(new RoundsSpec(60, "0.002", 3, false, null, null)));

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
                harness.conditionIs("main", ConditionType.SETTINGS_IN_SYNC, ConditionStatus.TRUE));
    assertThat(harness.eventReasons()).contains("SettingsUpdated");
  }

  /** A LotteryRound for {@code contract} on this chain whose key Secret does not exist. */
  private void createWithoutSecret(String name, String contract) {
    LotteryRoundSpec spec =
        harness.spec(chain.anvil().wsUrl(), LocalAnvil.CHAIN_ID, contract, null);
    harness.create(
        name,
        new LotteryRoundSpec(
            spec.chain(),
            spec.contract(),
            new SignerSpec(SignerType.LOCAL, new SecretKeyRef("absent", null), null),
            null,
            null,
            null));
  }
}
