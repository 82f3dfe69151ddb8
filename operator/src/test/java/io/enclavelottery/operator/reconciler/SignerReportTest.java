package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.SignerAttestationStatus;
import io.enclavelottery.operator.keeper.KeeperStatus;
import io.enclavelottery.operator.keeper.Problem;
import io.enclavelottery.operator.keeper.SignerIdentity;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** What status says of the signer: SignerReady, the operator and the attested measurements. */
class SignerReportTest {

  private static final String OPERATOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final String PCR0 = "ab".repeat(48);
  private static final String PCR1 = "cd".repeat(48);
  private static final String PCR2 = "ef".repeat(48);

  @Test
  void aLocalKeyIsReadyAndNamesItsSecret() {
    SignerReport report = SignerReport.localKey("operator-key", OPERATOR);

    assertThat(report.ready().type()).isEqualTo(ConditionType.SIGNER_READY);
    assertThat(report.ready().status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(report.ready().message()).contains("operator-key").contains(OPERATOR);
    assertThat(report.operatorAddress()).isEqualTo(OPERATOR);
    assertThat(report.attestation()).isNull();
  }

  @Test
  void anAttestedEnclaveSignerShowsItsOperatorAndMeasurements() {
    SignerReport report =
        SignerReport.enclave(Optional.of(identity(true)), KeeperStatus.starting());

    assertThat(report.ready().status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(report.ready().reason()).isEqualTo("Attested");
    assertThat(report.ready().message()).contains(OPERATOR).doesNotContain("NOT SECURE");
    assertThat(report.operatorAddress()).isEqualTo(OPERATOR);
    assertThat(report.attestation()).isEqualTo(new SignerAttestationStatus(PCR0, PCR1, PCR2, true));
  }

  @Test
  void aSignerOnTheSoftwareNsmIsSaidToBeNotSecure() {
    SignerReport report =
        SignerReport.enclave(Optional.of(identity(false)), KeeperStatus.starting());

    assertThat(report.ready().status()).isEqualTo(ConditionStatus.TRUE);
    assertThat(report.ready().message()).contains("NOT SECURE").contains("--trust-software-nsm");
    assertThat(report.attestation().secure()).isFalse();
  }

  @Test
  void aRefusedAttestationIsSignerReadyFalseWithTheReason() {
    KeeperStatus refused =
        KeeperStatus.starting()
            .withProblem(
                new Problem(
                    Problem.Kind.SIGNER_NOT_ATTESTED,
                    "the enclave signer is not attested, so nothing is sent: PCR0 differs"));

    SignerReport report = SignerReport.enclave(Optional.empty(), refused);

    assertThat(report.ready().status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(report.ready().reason()).isEqualTo("SignerNotAttested");
    assertThat(report.ready().message()).contains("PCR0 differs");
    assertThat(report.operatorAddress()).isNull();
    assertThat(report.attestation()).isNull();
  }

  @Test
  void aRestartTheSignerDidNotPassIsSignerReadyFalseAndKeepsWhatWasAttested() {
    SignerReport report =
        SignerReport.enclave(
            Optional.of(identity(true)),
            KeeperStatus.starting()
                .withProblem(
                    new Problem(
                        Problem.Kind.SIGNER_NOT_ATTESTED,
                        "the enclave signer restarted and is not attested again: PCR0 differs")));

    assertThat(report.ready().status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(report.ready().reason()).isEqualTo("SignerNotAttested");
    assertThat(report.ready().message()).contains("restarted").contains("PCR0 differs");
    assertThat(report.operatorAddress()).isEqualTo(OPERATOR);
    assertThat(report.attestation().pcr0()).isEqualTo(PCR0);
  }

  @Test
  void anotherProblemSaysNothingAboutTheSigner() {
    KeeperStatus unreachable =
        KeeperStatus.starting()
            .withProblem(new Problem(Problem.Kind.RPC_UNREACHABLE, "the node does not answer"));

    SignerReport report = SignerReport.enclave(Optional.of(identity(true)), unreachable);

    assertThat(report.ready().status()).isEqualTo(ConditionStatus.TRUE);
  }

  @Test
  void beforeTheFirstAttestationTheSignerIsUnknown() {
    SignerReport report = SignerReport.enclave(Optional.empty(), KeeperStatus.starting());

    assertThat(report.ready().status()).isEqualTo(ConditionStatus.UNKNOWN);
    assertThat(report.ready().reason()).isEqualTo("Attesting");
    assertThat(report.operatorAddress()).isNull();
  }

  private static SignerIdentity identity(boolean secure) {
    TreeMap<Integer, String> pcrs = new TreeMap<>();
    pcrs.put(0, PCR0);
    pcrs.put(1, PCR1);
    pcrs.put(2, PCR2);
    return new SignerIdentity(OPERATOR, pcrs, secure);
  }
}
