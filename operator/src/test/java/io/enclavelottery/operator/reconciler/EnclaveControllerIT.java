package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.chain.signer.CapturedLogs;
import io.enclavelottery.chain.verify.DrawVerification;
import io.enclavelottery.chain.verify.DrawVerifier;
import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.EnclaveSpec;
import io.enclavelottery.crd.ExpectedPcrs;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.RoundOutcome;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.crd.SignerAttestationStatus;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.keeper.InProcessSigner;
import io.enclavelottery.operator.keeper.KeeperChain;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A LotteryRound with {@code signer.type: enclave} on the mock API server, against a real Anvil and
 * the enclave signer on the software NSM in this process (reached where its Service would be): the
 * controller creates the signer's Deployment and Service, attests the signer and only then sends,
 * and the round is committed and drawn with a seed only the signer held. A signer that fails its
 * attestation is never used, and SignerReady says why.
 */
class EnclaveControllerIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String NAME = "enclave";
  private static final RoundsSpec NO_AUTO_START =
      new RoundsSpec(null, null, null, false, null, null);

  @AutoClose private final Opened opened = new Opened();

  @Test
  void aRoundIsCommittedAndDrawnThroughTheAttestedSigner() {
    CapturedLogs logs = opened.add(new CapturedLogs());
    InProcessSigner signer = opened.add(new InProcessSigner());
    ControllerHarness harness = harness(signer, options -> options.withTrustSoftwareNsm(true));
    KeeperChain chain = harness.chain();
    String lottery = signer.deployAndServe(chain);

    harness.createReady(NAME, spec(harness, lottery, InProcessSigner.softwarePcrs().get(0)));
    LotteryRoundStatus attested = harness.status(NAME).orElseThrow();
    LotteryCondition signerReady = attested.condition(ConditionType.SIGNER_READY).orElseThrow();
    assertThat(signerReady.status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(signerReady.reason()).isEqualTo("Attested");
    assertThat(signerReady.message()).contains("NOT SECURE").contains(signer.operator());
    assertThat(attested.operatorAddress()).isEqualTo(signer.operator());
    Map<Integer, String> pcrs = InProcessSigner.softwarePcrs();
    assertThat(attested.signerAttestation())
        .isEqualTo(new SignerAttestationStatus(pcrs.get(0), pcrs.get(1), pcrs.get(2), false));
    assertThat(
            harness
                .client()
                .resources(Deployment.class)
                .inNamespace(ControllerHarness.NAMESPACE)
                .withName(NAME + "-signer")
                .get())
        .isNotNull();

    chain.bet(lottery, 0);
    chain.bet(lottery, 1);
    chain.bet(lottery, 2);
    await().atMost(PATIENCE).until(() -> !harness.events("WinnerDrawn").isEmpty());

    assertThat(chain.contract(lottery).roundById(1).state()).isEqualTo(RoundState.COMPLETED);
    DrawVerification verification =
        DrawVerifier.overRpc(chain.web3j(), chain.anvil().httpUrl(), lottery).verify(1);
    assertThat(verification.matches()).as(verification.reason()).isTrue();
    harness.awaitStatus(NAME, s -> s.lastResult() != null);
    assertThat(harness.status(NAME).orElseThrow().lastResult().outcome())
        .isEqualTo(RoundOutcome.DRAWN);
    assertThat(harness.status(NAME).orElseThrow().lastResult().winner())
        .isEqualToIgnoringCase(verification.winnerOnChain());
    assertThat(harness.status(NAME).orElseThrow().lastResult().transactionHash())
        .isEqualTo(verification.drawnAt().orElseThrow().transactionHash());
    assertThat(harness.eventReasons()).contains("SeedCommitted", "WinnerDrawn");
    String seed = chain.contract(lottery).roundById(1).revealedSeed().hex().substring(2);
    assertThat(logs.lines()).noneMatch(line -> line.contains(seed));
  }

  @Test
  void aSignerWhoseAttestationFailsIsNeverUsed() {
    InProcessSigner signer = opened.add(new InProcessSigner());
    // the software NSM is not trusted: a production controller
    ControllerHarness harness = harness(signer, UnaryOperator.identity());
    KeeperChain chain = harness.chain();
    String lottery = signer.deployAndServe(chain);
    long nonce = chain.nonce(signer.operator());

    harness.create(NAME, spec(harness, lottery, InProcessSigner.softwarePcrs().get(0)));
    chain.bet(lottery, 0);
    chain.bet(lottery, 1);

    await()
        .atMost(PATIENCE)
        .until(() -> harness.conditionIs(NAME, ConditionType.SIGNER_READY, ConditionStatus.FALSE));
    LotteryCondition signerReady =
        harness.condition(NAME, ConditionType.SIGNER_READY).orElseThrow();
    assertThat(signerReady.reason()).isEqualTo("SignerNotAttested");
    assertThat(signerReady.message()).contains("software NSM").contains("nothing is sent");
    assertThat(harness.condition(NAME, ConditionType.READY).orElseThrow().status())
        .isEqualTo(ConditionStatus.FALSE);
    LotteryRoundStatus status = harness.status(NAME).orElseThrow();
    assertThat(status.operatorAddress()).isNull();
    assertThat(status.signerAttestation()).isNull();
    await().atMost(PATIENCE).until(() -> !harness.events("SignerNotAttested").isEmpty());
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> chain.pendingNonce(signer.operator()) == nonce);
  }

  @Test
  void aSignerShowingOtherPcrsIsNeverUsed() {
    InProcessSigner signer = opened.add(new InProcessSigner());
    ControllerHarness harness = harness(signer, options -> options.withTrustSoftwareNsm(true));
    KeeperChain chain = harness.chain();
    String lottery = signer.deployAndServe(chain);
    long nonce = chain.nonce(signer.operator());

    harness.create(NAME, spec(harness, lottery, "ab".repeat(48)));

    await()
        .atMost(PATIENCE)
        .until(() -> harness.conditionIs(NAME, ConditionType.SIGNER_READY, ConditionStatus.FALSE));
    assertThat(harness.condition(NAME, ConditionType.SIGNER_READY).orElseThrow().message())
        .contains("PCR0");
    chain.bet(lottery, 0);
    chain.bet(lottery, 1);
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> chain.pendingNonce(signer.operator()) == nonce);
  }

  /** A controller that reaches the LotteryRound's signer at {@code signer}'s loopback ports. */
  private ControllerHarness harness(
      InProcessSigner signer, UnaryOperator<ControllerOptions> options) {
    return opened.add(
        ControllerHarness.start(
            Duration.ofSeconds(30),
            defaults ->
                options.apply(
                    defaults.withSignerEndpoints(
                        round ->
                            new SignerEndpoints.Endpoints(
                                signer.signingUrl(), signer.attestationUrl())))));
  }

  private static LotteryRoundSpec spec(ControllerHarness harness, String lottery, String pcr0) {
    LotteryRoundSpec local = harness.spec(NO_AUTO_START);
    EnclaveSpec enclave =
        new EnclaveSpec(
            "registry.example/lottery-signer:test",
            new ExpectedPcrs(pcr0, null, null),
            null,
            null,
            null,
            null,
            null,
            null);
    return new LotteryRoundSpec(
        local.chain(),
        new ContractSpec(lottery),
        new SignerSpec(SignerType.ENCLAVE, null, enclave),
        local.rounds(),
        null,
        null);
  }
}
