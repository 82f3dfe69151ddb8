package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.enclave.client.AttestationClient;
import io.enclavelottery.enclave.nsm.SoftwareNsm;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lottery signer inject-key} against a running signer on the software NSM. */
class InjectKeyCommandTest {

  private static final String OPERATOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final String OPERATOR_KEY =
      "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  private static final String PUBLISHER_KEY =
      "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  private final SignerProcess signer =
      SignerProcess.start(
          SignerConfig.from(
              Map.of(
                      "SIGNER_CHAIN_ID", "31337",
                      "SIGNER_CONTRACT_ADDRESS", "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                      "SIGNER_OPERATOR_ADDRESS", OPERATOR,
                      "SIGNER_PORT", "0",
                      "SIGNER_ATTESTATION_PORT", "0",
                      "SIGNER_SOFTWARE_NSM", "true")
                  ::get),
          softwareAllowed -> new SoftwareNsm());

  @AfterEach
  void stop() {
    signer.close();
  }

  @Test
  void theKeyIsInjectedOnceAndNeverPrinted() {
    CliRun first = inject(OPERATOR_KEY);
    CliRun second = inject(OPERATOR_KEY);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("now signs for operator " + OPERATOR).contains("WARNING");
    assertThat(second.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(second.err()).contains("already injected");
    for (CliRun run : new CliRun[] {first, second}) {
      assertThat(run.out() + run.err()).doesNotContain(OPERATOR_KEY);
    }
  }

  @Test
  void anotherKeyIsRefused() {
    CliRun run = inject(PUBLISHER_KEY);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).contains("not for the configured operator " + OPERATOR);
    assertThat(run.err()).doesNotContain(PUBLISHER_KEY);
  }

  @Test
  void theAttestedPublicKeyIsUsed(@TempDir Path dir) throws Exception {
    Path document = dir.resolve("attestation.cbor");
    Files.write(
        document,
        new AttestationClient(
                URI.create("http://127.0.0.1:" + signer.attestationPort() + "/"),
                Duration.ofSeconds(5))
            .fetch(new byte[] {7}));

    CliRun run =
        CliRun.withEnvironment(
            Map.of(InjectKeyCommand.ENV_VAR, OPERATOR_KEY),
            "signer",
            "inject-key",
            "--signer",
            signingUrl(),
            "--attestation",
            document.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).doesNotContain("WARNING").contains(OPERATOR);
  }

  @Test
  void withoutAKeyNothingIsSent() {
    CliRun run = CliRun.withEnvironment(Map.of(), "signer", "inject-key", "--signer", signingUrl());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.err()).contains("no operator key: set LOTTERY_OPERATOR_KEY");
    assertThat(signer.keys().ready()).isFalse();
  }

  private CliRun inject(String key) {
    return CliRun.withEnvironment(
        Map.of(InjectKeyCommand.ENV_VAR, key), "signer", "inject-key", "--signer", signingUrl());
  }

  private String signingUrl() {
    return "http://127.0.0.1:" + signer.signingPort();
  }
}
