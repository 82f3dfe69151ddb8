package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code lottery serve} refuses a bad environment with one line naming every bad variable. */
class ServeCommandTest {

  @Test
  void missingVariablesAreNamed() {
    CliRun run = CliRun.withEnvironment(Map.of(), "serve");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("lottery: ")
        .contains("BLOCKCHAIN_RPC_URL is required")
        .contains("BLOCKCHAIN_CONTRACT_ADDRESS is required");
  }

  @Test
  void everyBadValueIsNamedAndTheRpcUrlIsNotRepeated() {
    CliRun run =
        CliRun.withEnvironment(
            Map.of(
                "BLOCKCHAIN_RPC_URL", "ftp://secret-api-key@node.example",
                "BLOCKCHAIN_CONTRACT_ADDRESS", "0x1234",
                "SERVER_PORT", "99999",
                "EVENTMGR_HISTORY_CAPACITY", "lots",
                "SERVER_TRUSTED_PROXIES", "10.0.0.0/99"),
            "serve");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("BLOCKCHAIN_RPC_URL must be an http(s):// or ws(s):// URL")
        .contains("BLOCKCHAIN_CONTRACT_ADDRESS must be 0x and 40 hex digits")
        .contains("SERVER_PORT must be a whole number from 0 to 65535, not \"99999\"")
        .contains("EVENTMGR_HISTORY_CAPACITY must be a whole number")
        .contains("SERVER_TRUSTED_PROXIES")
        .doesNotContain("secret-api-key");
  }

  @Test
  void helpNamesTheVariables() {
    CliRun run = CliRun.of("serve", "--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("BLOCKCHAIN_RPC_URL").contains("SERVER_PORT");
  }

  @Test
  void aBadSignerAttestationUrlIsNamed() {
    CliRun run =
        CliRun.withEnvironment(
            Map.of(
                "BLOCKCHAIN_RPC_URL", "http://127.0.0.1:1",
                "BLOCKCHAIN_CONTRACT_ADDRESS", "0x5fbdb2315678afecb367f032d93f642f64180aa3",
                "SIGNER_ATTESTATION_URL", "signer:9001"),
            "serve");
    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("SIGNER_ATTESTATION_URL: must be an http:// URL");
  }
}
