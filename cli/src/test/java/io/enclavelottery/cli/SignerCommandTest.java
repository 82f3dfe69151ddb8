package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.enclavelottery.chain.signer.CapturedLogs;
import io.enclavelottery.enclave.client.AttestationClient;
import io.enclavelottery.enclave.client.RemoteSigner;
import io.enclavelottery.enclave.nsm.SoftwareNsm;
import io.enclavelottery.enclave.signer.SignerStatus;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code lottery signer}: its environment, its refusal to run unsafely, and what it serves. */
class SignerCommandTest {

  private static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final String OPERATOR_KEY =
      "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  @Test
  void missingVariablesAreNamed() {
    CliRun run = CliRun.withEnvironment(Map.of(), "signer");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("lottery: ")
        .contains("SIGNER_CHAIN_ID is required")
        .contains("SIGNER_CONTRACT_ADDRESS is required");
  }

  @Test
  void everyBadValueIsNamedAndAPastedKeyIsNotRepeated() {
    CliRun run =
        CliRun.withEnvironment(
            Map.of(
                "SIGNER_CHAIN_ID", "anvil",
                "SIGNER_CONTRACT_ADDRESS", "0x1234",
                "SIGNER_OPERATOR_ADDRESS", OPERATOR_KEY,
                "SIGNER_PORT", "70000",
                "SIGNER_MAX_FEE_GWEI", "-1"),
            "signer");
    CliRun more =
        CliRun.withEnvironment(
            Map.of(
                "SIGNER_CHAIN_ID", "31337",
                "SIGNER_CONTRACT_ADDRESS", "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                "SIGNER_SOFTWARE_NSM", "maybe",
                "SIGNER_RELEASE_MARGIN_SECONDS", "-5",
                "SIGNER_PORT", "9000",
                "SIGNER_ATTESTATION_PORT", "9000"),
            "signer");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("SIGNER_CHAIN_ID: must be a whole number")
        .contains("SIGNER_CONTRACT_ADDRESS: not an address")
        .contains("SIGNER_OPERATOR_ADDRESS: not an address")
        .contains("SIGNER_PORT: must be a port number")
        .contains("SIGNER_MAX_FEE_GWEI: must be a positive number of gwei")
        .doesNotContain(OPERATOR_KEY);
    assertThat(more.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(more.err())
        .contains("SIGNER_SOFTWARE_NSM: must be true or false")
        .contains("SIGNER_RELEASE_MARGIN_SECONDS: must not be negative")
        .contains("SIGNER_PORT and SIGNER_ATTESTATION_PORT must differ");
  }

  @Test
  void withoutAnNsmDeviceItRefusesUnlessTheSoftwareNsmIsAskedFor() {
    assumeThat(Files.exists(Path.of("/dev/nsm"))).isFalse();

    CliRun run =
        CliRun.withEnvironment(
            Map.of("SIGNER_CHAIN_ID", "31337", "SIGNER_CONTRACT_ADDRESS", CONTRACT), "signer");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.err()).contains("this is not a Nitro Enclave");
  }

  @Test
  void onTheSoftwareNsmItServesAndSaysItIsNotSecure() {
    try (CapturedLogs logs = new CapturedLogs();
        SignerProcess signer =
            SignerProcess.start(config(Map.of()), softwareAllowed -> new SoftwareNsm())) {
      SignerStatus status = remote(signer).status();
      byte[] document =
          new AttestationClient(
                  URI.create("http://127.0.0.1:" + signer.attestationPort() + "/"),
                  Duration.ofSeconds(5))
              .fetch(new byte[] {1, 2, 3});

      assertThat(status.keyOrigin()).isEqualTo("generated");
      assertThat(status.operator()).isEqualTo(signer.keys().operatorAddress());
      assertThat(status.secure()).isFalse();
      assertThat(status.contract()).isEqualTo(CONTRACT);
      assertThat(document).isNotEmpty();
      assertThat(logs.lines()).anyMatch(line -> line.contains("NOT SECURE"));
    }
  }

  @Test
  void aPayoutAddressIsReadAndABadOneIsNamed() {
    assertThat(
            config(Map.of("SIGNER_PAYOUT_ADDRESS", "0x00000000000000000000000000000000000000B0"))
                .settings()
                .payoutAddress())
        .contains("0x00000000000000000000000000000000000000b0");
    assertThat(config(Map.of()).settings().payoutAddress()).isEmpty();
    assertThatThrownBy(() -> config(Map.of("SIGNER_PAYOUT_ADDRESS", "nowhere")))
        .isInstanceOf(CommandFailure.class)
        .hasMessageContaining("SIGNER_PAYOUT_ADDRESS");
  }

  @Test
  void withAnOperatorAddressItWaitsForTheKey() {
    try (SignerProcess signer =
        SignerProcess.start(
            config(Map.of("SIGNER_OPERATOR_ADDRESS", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8")),
            softwareAllowed -> new SoftwareNsm())) {
      SignerStatus status = remote(signer).status();

      assertThat(status.keyOrigin()).isEqualTo("awaiting-injection");
      assertThat(status.ready()).isFalse();
      assertThat(status.operator()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    }
  }

  @Test
  void helpNamesTheVariables() {
    CliRun run = CliRun.of("signer", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("SIGNER_CHAIN_ID").contains("SIGNER_SOFTWARE_NSM");
  }

  private static SignerConfig config(Map<String, String> extra) {
    Map<String, String> environment = new HashMap<>(extra);
    environment.put("SIGNER_CHAIN_ID", "31337");
    environment.put("SIGNER_CONTRACT_ADDRESS", CONTRACT);
    environment.put("SIGNER_PORT", "0");
    environment.put("SIGNER_ATTESTATION_PORT", "0");
    environment.put("SIGNER_SOFTWARE_NSM", "true");
    return SignerConfig.from(environment::get);
  }

  private static RemoteSigner remote(SignerProcess signer) {
    return new RemoteSigner(
        URI.create("http://127.0.0.1:" + signer.signingPort() + "/"), Duration.ofSeconds(5));
  }
}
