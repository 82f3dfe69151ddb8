package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.EnclaveSpec;
import io.enclavelottery.crd.ExpectedPcrs;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.keeper.OperatorSigning;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who signs for a LotteryRound, read from its spec and Secret on fabric8's mock API server. */
class SignerSetupTest {

  private static final String NAMESPACE = "lottery";
  // Anvil's dev account 1: public test data
  private static final String KEY =
      "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  private static final String OPERATOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final String PCR0 = "ab".repeat(48);
  private static final String PCR2 = "cd".repeat(48);
  private static final SignerEndpoints.Endpoints LOOPBACK =
      new SignerEndpoints.Endpoints(
          URI.create("http://127.0.0.1:9000/"), URI.create("http://127.0.0.1:9001/"));

  private MockApiServer server;
  private NamespacedKubernetesClient client;

  @BeforeEach
  void start() {
    server = MockApiServer.start();
    client = server.newClient();
  }

  @AfterEach
  void stop() {
    client.close();
    server.close();
  }

  @Test
  void aLocalSignerSignsWithTheSecretsKey() {
    createSecret();

    assertThat(setup(false).of(round(new SignerSpec(SignerType.LOCAL, secretRef(), null))))
        .asInstanceOf(type(SignerSetup.Outcome.Ready.class))
        .extracting(SignerSetup.Outcome.Ready::signing)
        .asInstanceOf(type(OperatorSigning.LocalKey.class))
        .satisfies(local -> assertThat(local.key().address()).isEqualToIgnoringCase(OPERATOR));
  }

  @Test
  void aMissingSecretBlocksEitherSigner() {
    for (SignerSpec signer :
        new SignerSpec[] {
          new SignerSpec(SignerType.LOCAL, secretRef(), null),
          new SignerSpec(SignerType.ENCLAVE, secretRef(), enclave())
        }) {
      assertThat(setup(false).of(round(signer)))
          .asInstanceOf(type(SignerSetup.Outcome.Blocked.class))
          .satisfies(
              blocked -> {
                assertThat(blocked.reason()).isEqualTo("SecretNotFound");
                assertThat(blocked.message()).contains("operator-key").contains("does not exist");
              });
    }
  }

  @Test
  void anEnclaveSignerIsReachedAtItsEndpointsAndHeldToTheExpectedPcrs() {
    OperatorSigning.Enclave enclave =
        enclaveSigning(setup(false), new SignerSpec(SignerType.ENCLAVE, null, enclave()));

    assertThat(enclave.signingUrl()).isEqualTo(LOOPBACK.signing());
    assertThat(enclave.attestationUrl()).isEqualTo(LOOPBACK.attestation());
    assertThat(enclave.expectedPcrs()).isEqualTo(Map.of(0, PCR0, 2, PCR2));
    assertThat(enclave.trustSoftwareNsm()).isFalse();
    assertThat(enclave.keyToInject()).isEmpty();
  }

  @Test
  void onlyTheControllerTrustsTheSoftwareNsm() {
    assertThat(
            enclaveSigning(setup(true), new SignerSpec(SignerType.ENCLAVE, null, enclave()))
                .trustSoftwareNsm())
        .isTrue();
  }

  @Test
  void anEnclaveSignerIsGivenTheSecretsKeyToInject() {
    createSecret();

    OperatorSigning.Enclave enclave =
        enclaveSigning(setup(false), new SignerSpec(SignerType.ENCLAVE, secretRef(), enclave()));

    assertThat(enclave.keyToInject())
        .hasValueSatisfying(key -> assertThat(key.address()).isEqualToIgnoringCase(OPERATOR));
    assertThat(enclave.toString()).doesNotContain(KEY).contains("injecting the key of");
  }

  @Test
  void signersAreReachedThroughTheirServices() {
    LotteryRound round = round(new SignerSpec(SignerType.ENCLAVE, null, enclave()));

    assertThat(SignerEndpoints.services().of(round))
        .isEqualTo(
            new SignerEndpoints.Endpoints(
                URI.create("http://main-signer.lottery.svc:9000/"),
                URI.create("http://main-signer.lottery.svc:9001/")));
  }

  private SignerSetup setup(boolean trustSoftwareNsm) {
    return new SignerSetup(new SecretKeyReader(client), round -> LOOPBACK, trustSoftwareNsm);
  }

  private static OperatorSigning.Enclave enclaveSigning(SignerSetup setup, SignerSpec signer) {
    SignerSetup.Outcome outcome = setup.of(round(signer));
    assertThat(outcome).isInstanceOf(SignerSetup.Outcome.Ready.class);
    return (OperatorSigning.Enclave) ((SignerSetup.Outcome.Ready) outcome).signing();
  }

  private void createSecret() {
    client
        .secrets()
        .inNamespace(NAMESPACE)
        .resource(MockApiServer.operatorKeySecret(NAMESPACE, "operator-key", KEY))
        .create();
  }

  private static SecretKeyRef secretRef() {
    return new SecretKeyRef("operator-key", null);
  }

  private static EnclaveSpec enclave() {
    return new EnclaveSpec(
        "signer:1", new ExpectedPcrs(PCR0, null, PCR2), null, null, null, null, null, null);
  }

  private static LotteryRound round(SignerSpec signer) {
    LotteryRound round = new LotteryRound();
    round.setMetadata(new ObjectMetaBuilder().withName("main").withNamespace(NAMESPACE).build());
    round.setSpec(
        new LotteryRoundSpec(
            new ChainSpec("http://127.0.0.1:8545", 31337L, null),
            new ContractSpec("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
            signer,
            null,
            null,
            null));
    return round;
  }
}
