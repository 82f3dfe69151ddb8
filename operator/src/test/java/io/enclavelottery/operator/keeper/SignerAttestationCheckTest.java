package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.enclave.client.AttestationClient;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the keeper accepts of the enclave signer's attestation, one case per rule. */
class SignerAttestationCheckTest {

  private static final long CHAIN_ID = 31337;
  private static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

  private final InProcessSigner signer = new InProcessSigner().serve(CHAIN_ID, LOTTERY);

  @AfterEach
  void stop() {
    signer.close();
  }

  private SignerAttestationCheck.Verdict check(
      OperatorSigning.Enclave config, long chainId, String contract, Supplier<String> operator) {
    return new SignerAttestationCheck(
            config,
            chainId,
            contract,
            operator,
            new AttestationClient(config.attestationUrl(), Duration.ofSeconds(5)),
            Clock.systemUTC())
        .check();
  }

  private SignerAttestationCheck.Verdict check(OperatorSigning.Enclave config) {
    return check(config, CHAIN_ID, LOTTERY, signer::operator);
  }

  private static String refusal(SignerAttestationCheck.Verdict verdict) {
    assertThat(verdict).isInstanceOf(SignerAttestationCheck.Verdict.Refused.class);
    return ((SignerAttestationCheck.Verdict.Refused) verdict).reason();
  }

  @Test
  void aSoftwareSignerTrustedForDevelopmentIsAttestedAsNotSecure() {
    SignerAttestationCheck.Verdict verdict = check(signer.signing(true));

    assertThat(verdict).isInstanceOf(SignerAttestationCheck.Verdict.Attested.class);
    SignerAttestationCheck.Verdict.Attested attested =
        (SignerAttestationCheck.Verdict.Attested) verdict;
    assertThat(attested.operator()).isEqualTo(signer.operator());
    assertThat(attested.secure()).isFalse();
    assertThat(attested.pcrs()).containsKeys(0, 1, 2);
  }

  @Test
  void theSoftwareNsmIsRefusedUnlessTrusted() {
    assertThat(refusal(check(signer.signing(false))))
        .contains("software NSM")
        .contains("development");
  }

  @Test
  void aPcrOtherThanExpectedIsRefused() {
    Map<Integer, String> pcrs = new TreeMap<>(InProcessSigner.softwarePcrs());
    pcrs.put(0, "00".repeat(48));
    OperatorSigning.Enclave config =
        new OperatorSigning.Enclave(
            signer.signingUrl(),
            signer.attestationUrl(),
            pcrs,
            true,
            Duration.ofSeconds(5),
            Optional.empty());

    assertThat(refusal(check(config))).contains("PCR0");
  }

  @Test
  void anotherChainIsRefused() {
    assertThat(refusal(check(signer.signing(true), 1, LOTTERY, signer::operator)))
        .contains("attested for chain 31337, not 1");
  }

  @Test
  void anotherContractIsRefused() {
    String other = "0x" + "22".repeat(20);
    assertThat(refusal(check(signer.signing(true), CHAIN_ID, other, signer::operator)))
        .contains("attested for contract " + LOTTERY + ", not " + other);
  }

  @Test
  void aSignerThatIsNotTheContractsOperatorIsRefused() {
    String operator = "0x" + "33".repeat(20);
    assertThat(refusal(check(signer.signing(true), CHAIN_ID, LOTTERY, () -> operator)))
        .contains("the contract's operator is " + operator)
        .contains("proposeOperator");
  }

  @Test
  void aContractOperatorThatCannotBeReadIsARefusal() {
    Supplier<String> unreachable =
        () -> {
          throw new RpcException("connection refused");
        };
    assertThat(refusal(check(signer.signing(true), CHAIN_ID, LOTTERY, unreachable)))
        .contains("cannot read the contract's operator: connection refused");
  }

  @Test
  void anUnreachableSignerIsARefusal() {
    signer.close();
    OperatorSigning.Enclave config =
        new OperatorSigning.Enclave(
            URI.create("http://127.0.0.1:1/"),
            URI.create("http://127.0.0.1:1/"),
            Map.of(),
            true,
            Duration.ofSeconds(2),
            Optional.empty());

    assertThat(refusal(check(config))).contains("no attestation document from the signer");
  }
}
