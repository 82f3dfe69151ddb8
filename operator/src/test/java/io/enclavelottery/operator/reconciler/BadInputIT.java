package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryPhase;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.PendingSettings;
import io.enclavelottery.crd.RoundState;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.operator.keeper.KeeperChain;
import io.fabric8.kubernetes.api.model.Event;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Bad input through the Kubernetes path, each against a real Anvil: the condition and the Event a
 * person reads, and no transaction from the operator's account (its nonce, mined and pending, stays
 * where it was). The key never shows in logs, the stored resources or Events.
 */
class BadInputIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String NAME = "main";

  @AutoClose
  private final ControllerHarness harness = ControllerHarness.start(Duration.ofSeconds(30));

  private final KeeperChain chain = harness.chain();

  @Test
  void anUnreachableNodeIsUnavailableAndSendsNothing() {
    long nonce = operatorNonce();
    harness.createSecret(harness.operatorKeyHex());
    harness.create(
        NAME, harness.spec("http://127.0.0.1:1", LocalAnvil.CHAIN_ID, chain.lottery(), null));

    LotteryRoundStatus status =
        blocked(
            ConditionType.CHAIN_REACHABLE,
            "RpcUnreachable",
            "cannot reach the chain: could not read the chain id on http://127.0.0.1:1");
    assertThat(status.phase()).isEqualTo(LotteryPhase.UNAVAILABLE);
    assertNothingSent(chain.operator(), nonce);
  }

  @Test
  void aNodeOnAnotherChainSendsNothing() {
    long nonce = operatorNonce();
    harness.createSecret(harness.operatorKeyHex());
    harness.create(NAME, harness.spec(chain.anvil().wsUrl(), 1L, chain.lottery(), null));

    LotteryRoundStatus status =
        blocked(
            ConditionType.CHAIN_REACHABLE,
            "ChainIdMismatch",
            "the node is on chain 31337, not on the configured chain 1: check the RPC URL and the"
                + " chain id");
    assertThat(status.phase()).isEqualTo(LotteryPhase.BLOCKED);
    assertNothingSent(chain.operator(), nonce);
  }

  @Test
  void anAddressWithoutCodeSendsNothing() {
    long nonce = operatorNonce();
    String empty = chain.player(7).address().toLowerCase();
    harness.createSecret(harness.operatorKeyHex());
    harness.create(NAME, harness.spec(chain.anvil().wsUrl(), LocalAnvil.CHAIN_ID, empty, null));

    blocked(
        ConditionType.CONTRACT_VERIFIED,
        "NoContract",
        "there is no contract at " + empty + " on chain 31337: check the contract address");
    assertThat(harness.condition(NAME, ConditionType.CHAIN_REACHABLE).orElseThrow().status())
        .isEqualTo(ConditionStatus.TRUE);
    assertNothingSent(chain.operator(), nonce);
  }

  @Test
  void aKeyThatIsNotTheContractsOperatorSendsNothing() {
    DevAccount stranger = chain.player(5);
    long nonce = operatorNonce();
    String strangerKey = stranger.key().credentials().getEcKeyPair().getPrivateKey().toString(16);
    harness.createSecret(strangerKey);
    harness.create(NAME, harness.spec(null));

    blocked(
        ConditionType.OPERATOR_AUTHORIZED,
        "NotOperator",
        "the key's address "
            + stranger.address().toLowerCase()
            + " is not the contract's operator "
            + chain.operator().address().toLowerCase());
    assertNothingSent(chain.operator(), nonce);
    assertNothingSent(stranger, 0);
    harness.assertKeyNeverShown(strangerKey);
  }

  @Test
  void anOperatorThatCannotPayForGasSendsNothing() {
    long nonce = operatorNonce();
    chain.anvil().rpc("anvil_setBalance", chain.operator().address(), "0x3e8");
    harness.createSecret(harness.operatorKeyHex());
    harness.create(NAME, harness.spec(null));

    blocked(
        ConditionType.OPERATOR_AUTHORIZED,
        "BalanceTooLow",
        "the operator "
            + chain.operator().address().toLowerCase()
            + " holds 0.000000000000001 ETH, less than");
    assertThat(harness.condition(NAME, ConditionType.READY).orElseThrow().message())
        .endsWith(" ETH one transaction may cost at the current base fee: send it ether");
    assertNothingSent(chain.operator(), nonce);
  }

  @Test
  void aBondTooSmallForARoundStartsNoRound() {
    String unbonded =
        new LotteryDeployer(chain.web3j(), chain.anvil().httpUrl())
            .deploy(
                chain.anvil().account(0).key(),
                LotteryDeployer.Options.forLocalChain(chain.operator().address())
                    .withBond(BigInteger.ZERO))
            .address();
    long nonce = operatorNonce();
    harness.createSecret(harness.operatorKeyHex());
    // autoStart is on: only the bond keeps the controller from opening a round
    harness.create(NAME, harness.spec(chain.anvil().wsUrl(), LocalAnvil.CHAIN_ID, unbonded, null));

    await()
        .atMost(PATIENCE)
        .until(
            () -> harness.conditionIs(NAME, ConditionType.BOND_SUFFICIENT, ConditionStatus.FALSE));
    LotteryRoundStatus status = harness.status(NAME).orElseThrow();
    LotteryCondition bond = status.condition(ConditionType.BOND_SUFFICIENT).orElseThrow();
    assertThat(bond.reason()).isEqualTo("BondTooSmall");
    assertThat(bond.message())
        .isEqualTo(
            "bond too small: it covers a pot of 0 ETH, a round needs at least 0.002 ETH"
                + " (minBetAmount times minParticipants)");
    LotteryCondition ready = status.condition(ConditionType.READY).orElseThrow();
    assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready.reason()).isEqualTo("BondTooSmall");
    assertThat(status.bond()).isEqualTo("0");
    assertThat(status.maxPot()).isEqualTo("0");
    assertWarned("BondTooSmall", ready.message());
    assertNothingSent(chain.operator(), nonce);
    assertThat(chain.contract(unbonded).round().state())
        .isNotEqualTo(io.enclavelottery.chain.contract.RoundState.BETTING);
    harness.assertKeyNeverShown(harness.operatorKeyHex());
  }

  @Test
  void aSpecChangedDuringARoundIsHeldAndSaidSo() {
    harness.createSecret(harness.operatorKeyHex());
    harness.createReady(NAME, harness.spec(new RoundsSpec(null, null, null, false, null, null)));
    chain.bet(0);
    harness.awaitStatus(NAME, s -> s.round() != null && s.round().state() == RoundState.BETTING);
    long nonce = operatorNonce();

    harness.editSpec(
        NAME, spec -> withRounds(spec, new RoundsSpec(60, "0.02", 3, false, null, null)));

    await()
        .atMost(PATIENCE)
        .until(
            () -> harness.conditionIs(NAME, ConditionType.SETTINGS_IN_SYNC, ConditionStatus.FALSE));
    LotteryRoundStatus status = harness.status(NAME).orElseThrow();
    LotteryCondition held = status.condition(ConditionType.SETTINGS_IN_SYNC).orElseThrow();
    assertThat(held.reason()).isEqualTo("HeldForRound");
    assertThat(held.message())
        .startsWith("round 1 is running and the contract changes settings only between rounds: ")
        .contains("minBetAmount 0.001 ETH -> 0.02 ETH")
        .contains("bettingDuration 30 s -> 60 s")
        .contains("minParticipants 2 -> 3")
        .endsWith(" will be applied when it ends");
    assertThat(status.pendingSettings()).isEqualTo(new PendingSettings("0.02", 60, 3));
    // held settings are not a fault (Ready stays True), but the person's change has not taken
    // effect yet: a Warning says why
    assertThat(status.condition(ConditionType.READY).orElseThrow().status())
        .isEqualTo(ConditionStatus.TRUE);
    await().atMost(PATIENCE).until(() -> !harness.events("HeldForRound").isEmpty());
    Event event = harness.events("HeldForRound").get(0);
    assertThat(event.getType()).isEqualTo("Warning");
    assertThat(event.getMessage()).isEqualTo(held.message());
    assertNothingSent(chain.operator(), nonce);
    assertThat(chain.contract().settings().minParticipants()).isEqualTo(2);
    harness.assertKeyNeverShown(harness.operatorKeyHex());
  }

  /**
   * An invalid spec gets no children: a frontend would only show a contract nobody keeps. Fixed, it
   * gets them.
   */
  @Test
  void anInvalidSpecGetsNoFrontendWhileItIsInvalid() {
    harness.create(NAME, harness.spec(chain.anvil().wsUrl(), LocalAnvil.CHAIN_ID, "0x1234", null));

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                harness
                    .condition(NAME, ConditionType.READY)
                    .map(c -> c.reason().equals("InvalidSpec"))
                    .orElse(false));
    await().atMost(PATIENCE).until(() -> !harness.events("InvalidSpec").isEmpty());
    assertThat(frontendDeployments()).isEmpty();
    assertThat(
            harness
                .client()
                .configMaps()
                .inNamespace(ControllerHarness.NAMESPACE)
                .list()
                .getItems())
        .isEmpty();
    assertThat(
            harness.client().services().inNamespace(ControllerHarness.NAMESPACE).list().getItems())
        .isEmpty();

    harness.editSpec(NAME, spec -> harness.spec(null));

    await().atMost(PATIENCE).until(() -> !frontendDeployments().isEmpty());
    assertThat(frontendDeployments()).containsExactly(NAME + "-frontend");

    harness.editSpec(
        NAME, spec -> harness.spec(chain.anvil().wsUrl(), LocalAnvil.CHAIN_ID, "0x1234", null));

    await().atMost(PATIENCE).until(() -> frontendDeployments().isEmpty());
  }

  private List<String> frontendDeployments() {
    return harness
        .client()
        .apps()
        .deployments()
        .inNamespace(ControllerHarness.NAMESPACE)
        .list()
        .getItems()
        .stream()
        .map(d -> d.getMetadata().getName())
        .toList();
  }

  /**
   * Waits for {@code type} to turn False with {@code reason}; checks Ready says the same, lastError
   * holds it, and one Warning Event carries it.
   */
  private LotteryRoundStatus blocked(ConditionType type, String reason, String messageStart) {
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                harness
                    .condition(NAME, type)
                    .map(c -> c.status() == ConditionStatus.FALSE && c.reason().equals(reason))
                    .orElse(false));
    LotteryRoundStatus status = harness.status(NAME).orElseThrow();
    LotteryCondition failed = status.condition(type).orElseThrow();
    assertThat(failed.message()).startsWith(messageStart);
    LotteryCondition ready = status.condition(ConditionType.READY).orElseThrow();
    assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready.reason()).isEqualTo(reason);
    assertThat(ready.message()).isEqualTo(failed.message());
    assertThat(status.lastError()).isEqualTo(failed.message());
    assertWarned(reason, failed.message());
    harness.assertKeyNeverShown(harness.operatorKeyHex());
    return status;
  }

  private void assertWarned(String reason, String message) {
    await().atMost(PATIENCE).until(() -> !harness.events(reason).isEmpty());
    assertThat(harness.events(reason))
        .first()
        .satisfies(
            event -> {
              assertThat(event.getType()).isEqualTo("Warning");
              assertThat(event.getMessage()).isEqualTo(message);
              assertThat(event.getInvolvedObject().getName()).isEqualTo(NAME);
            });
  }

  /**
   * The account sent nothing: a few blocks on, its nonce, mined and pending, is still {@code n}.
   */
  private void assertNothingSent(DevAccount account, long n) {
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                chain.nonce(account.address()) == n && chain.pendingNonce(account.address()) == n);
  }

  private long operatorNonce() {
    return chain.nonce(chain.operator().address());
  }

  private static LotteryRoundSpec withRounds(LotteryRoundSpec spec, RoundsSpec rounds) {
    return new LotteryRoundSpec(
        spec.chain(), spec.contract(), spec.signer(), rounds, spec.gas(), spec.frontend());
  }
}
