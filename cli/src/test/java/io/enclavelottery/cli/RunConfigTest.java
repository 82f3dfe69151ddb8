package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.enclavelottery.operator.keeper.OperatorSigning;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code lottery run}'s environment: defaults, every variable, one clear problem per bad one. */
class RunConfigTest {

  /** Anvil's second dev key: public test data. */
  private static final String KEY =
      "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  private static Map<String, String> minimal() {
    Map<String, String> environment = new HashMap<>();
    environment.put("BLOCKCHAIN_RPC_URL", "http://127.0.0.1:8545");
    environment.put("BLOCKCHAIN_CHAIN_ID", "31337");
    environment.put("BLOCKCHAIN_CONTRACT_ADDRESS", "0x5fbdb2315678afecb367f032d93f642f64180aa3");
    environment.put("BLOCKCHAIN_OPERATOR_PRIVATE_KEY", KEY);
    return environment;
  }

  @Test
  void theRequiredVariablesAloneGiveTheDefaults() {
    RunConfig config = RunConfig.fromEnvironment(minimal());

    assertThat(config.rpcUrl().uri().toString()).isEqualTo("http://127.0.0.1:8545");
    assertThat(config.chainId()).isEqualTo(31337);
    assertThat(config.contract().value()).isEqualTo("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    assertThat(((OperatorSigning.LocalKey) config.signing()).key().address())
        .isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    assertThat(config.feePolicy().gasMultiplier()).isEqualByComparingTo("1.2");
    assertThat(config.feePolicy().maxFeeCapWei()).isEmpty();
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.serverHost()).isEqualTo("0.0.0.0");
    assertThat(config.serverPort()).isEqualTo(6080);
    assertThat(config.logLevel()).isEqualTo("INFO");
    assertThat(config.logFile()).isEmpty();
  }

  @Test
  void everyVariableIsRead() {
    Map<String, String> environment = minimal();
    environment.put("BLOCKCHAIN_RPC_URL", "wss://node.example/v3/SECRET");
    environment.put("BLOCKCHAIN_GAS_MULTIPLIER", "1.5");
    environment.put("BLOCKCHAIN_GAS_PRICE", "30");
    environment.put("EVENTMGR_POLL_INTERVAL_SECONDS", "0.5");
    environment.put("SERVER_HOST", "127.0.0.1");
    environment.put("SERVER_PORT", "7000");
    environment.put("APP_LOG_LEVEL", "debug");
    environment.put("APP_LOG_FILE", "/var/log/lottery.log");

    RunConfig config = RunConfig.fromEnvironment(environment);

    assertThat(config.feePolicy().gasMultiplier()).isEqualByComparingTo(new BigDecimal("1.5"));
    assertThat(config.feePolicy().maxFeeCapWei()).hasValue(new BigInteger("30000000000"));
    assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.serverHost()).isEqualTo("127.0.0.1");
    assertThat(config.serverPort()).isEqualTo(7000);
    assertThat(config.logLevel()).isEqualTo("DEBUG");
    assertThat(config.logFile()).hasValue(Path.of("/var/log/lottery.log"));
    assertThat(config.keeperSettings().rpcUrl()).isEqualTo("wss://node.example/v3/SECRET");
  }

  @Test
  void missingRequiredVariablesAreNamedEachOnce() {
    RunConfig.Invalid invalid =
        catchThrowableOfType(RunConfig.Invalid.class, () -> RunConfig.fromEnvironment(Map.of()));

    assertThat(invalid.problems())
        .containsExactly(
            "BLOCKCHAIN_RPC_URL is not set",
            "BLOCKCHAIN_CHAIN_ID is not set",
            "BLOCKCHAIN_CONTRACT_ADDRESS is not set",
            "environment variable BLOCKCHAIN_OPERATOR_PRIVATE_KEY is not set");
  }

  @Test
  void eachBadVariableGetsOneClearProblem() {
    Map<String, String> environment = new HashMap<>();
    environment.put("BLOCKCHAIN_RPC_URL", "ftp://node");
    environment.put("BLOCKCHAIN_CHAIN_ID", "mainnet");
    environment.put("BLOCKCHAIN_CONTRACT_ADDRESS", "0x1234");
    environment.put("BLOCKCHAIN_OPERATOR_PRIVATE_KEY", "0xnot-a-key");
    environment.put("BLOCKCHAIN_GAS_MULTIPLIER", "0.5");
    environment.put("BLOCKCHAIN_GAS_PRICE", "cheap");
    environment.put("EVENTMGR_POLL_INTERVAL_SECONDS", "-1");
    environment.put("SERVER_HOST", " ");
    environment.put("SERVER_PORT", "70000");
    environment.put("APP_LOG_LEVEL", "LOUD");

    RunConfig.Invalid invalid =
        catchThrowableOfType(RunConfig.Invalid.class, () -> RunConfig.fromEnvironment(environment));

    assertThat(invalid.problems())
        .containsExactly(
            "BLOCKCHAIN_RPC_URL: an RPC URL starts with http://, https://, ws:// or wss://"
                + " (like http://127.0.0.1:8545)",
            "BLOCKCHAIN_CHAIN_ID: must be a whole number (31337 for Anvil)",
            "BLOCKCHAIN_CONTRACT_ADDRESS: not an address (expected 0x and 40 hex digits)",
            "environment variable BLOCKCHAIN_OPERATOR_PRIVATE_KEY does not hold a private key:"
                + " a private key must be 32 bytes of hex (64 hex digits)",
            "BLOCKCHAIN_GAS_MULTIPLIER: must be at least 1 (it multiplies the gas estimate)",
            "BLOCKCHAIN_GAS_PRICE: must be a number",
            "EVENTMGR_POLL_INTERVAL_SECONDS: must be a positive number of seconds",
            "SERVER_PORT: must be a port number, 1 to 65535",
            "APP_LOG_LEVEL: must be one of TRACE, DEBUG, INFO, WARN, ERROR");
    assertThat(invalid.getMessage()).doesNotContain("not-a-key");
  }

  @Test
  void aKeyPutInTheWrongVariableIsNeverRepeated() {
    Map<String, String> environment = minimal();
    environment.put("BLOCKCHAIN_CONTRACT_ADDRESS", KEY);
    environment.put("BLOCKCHAIN_CHAIN_ID", KEY);

    RunConfig.Invalid invalid =
        catchThrowableOfType(RunConfig.Invalid.class, () -> RunConfig.fromEnvironment(environment));

    assertThat(invalid.getMessage()).doesNotContain(KEY.substring(2));
  }

  @Test
  void itsTextShowsNeitherTheKeyNorTheUrlsPath() {
    Map<String, String> environment = minimal();
    environment.put("BLOCKCHAIN_RPC_URL", "https://node.example/v3/SECRET");

    RunConfig config = RunConfig.fromEnvironment(environment);

    assertThat(config.toString())
        .doesNotContain(KEY.substring(2))
        .doesNotContain("SECRET")
        .contains("0x70997970c51812dc3a010c7d01b50e0d17dc79c8");
    assertThat(config.keeperSettings().toString())
        .doesNotContain(KEY.substring(2))
        .doesNotContain("SECRET");
    assertThat(Optional.of(config).toString()).doesNotContain(KEY.substring(2));
  }

  @Test
  void theCommandReportsBadVariablesOnOneLineAndExitsWithTwo() {
    CliRun run = CliRun.withEnvironment(Map.of("BLOCKCHAIN_CHAIN_ID", "x"), "run");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("lottery: BLOCKCHAIN_RPC_URL is not set; BLOCKCHAIN_CHAIN_ID: must be");
  }

  @Test
  void theEnclaveSignerReplacesTheKey() {
    Map<String, String> environment = minimal();
    environment.remove("BLOCKCHAIN_OPERATOR_PRIVATE_KEY");
    environment.put("SIGNER_URL", "http://signer:9000");
    environment.put("SIGNER_ATTESTATION_URL", "http://signer:9001/");
    environment.put("SIGNER_EXPECTED_PCR0", "0x" + "ab".repeat(48));
    environment.put("SIGNER_TRUST_SOFTWARE_NSM", "true");

    RunConfig config = RunConfig.fromEnvironment(environment);

    OperatorSigning.Enclave enclave = (OperatorSigning.Enclave) config.signing();
    assertThat(enclave.signingUrl()).hasToString("http://signer:9000/");
    assertThat(enclave.attestationUrl()).hasToString("http://signer:9001/");
    assertThat(enclave.expectedPcrs()).containsOnlyKeys(0).containsValue("ab".repeat(48));
    assertThat(enclave.trustSoftwareNsm()).isTrue();
    assertThat(config.keeperSettings().signing()).isEqualTo(enclave);
  }

  @Test
  void withTheEnclaveSignerTheOperatorKeyIsOnlyTheKeyToInject() {
    Map<String, String> environment = minimal();
    environment.put("SIGNER_URL", "http://signer:9000");
    environment.put("SIGNER_ATTESTATION_URL", "http://signer:9001/");

    RunConfig config = RunConfig.fromEnvironment(environment);

    OperatorSigning.Enclave enclave = (OperatorSigning.Enclave) config.signing();
    assertThat(enclave.keyToInject())
        .hasValueSatisfying(
            key ->
                assertThat(key.address()).isEqualTo("0x70997970c51812dc3a010c7d01b50e0d17dc79c8"));
    assertThat(config.toString()).doesNotContain(KEY).contains("injecting the key of");
  }

  @Test
  void aMalformedKeyToInjectIsAProblemThatDoesNotRepeatIt() {
    Map<String, String> environment = minimal();
    environment.put("BLOCKCHAIN_OPERATOR_PRIVATE_KEY", "0x1234");
    environment.put("SIGNER_URL", "http://signer:9000");
    environment.put("SIGNER_ATTESTATION_URL", "http://signer:9001/");

    RunConfig.Invalid invalid =
        catchThrowableOfType(RunConfig.Invalid.class, () -> RunConfig.fromEnvironment(environment));

    assertThat(invalid.problems())
        .singleElement()
        .asString()
        .contains("BLOCKCHAIN_OPERATOR_PRIVATE_KEY");
    assertThat(invalid.getMessage()).doesNotContain("1234");
  }

  @Test
  void badSignerVariablesEachGetOneClearProblem() {
    Map<String, String> environment = minimal();
    environment.put("SIGNER_URL", "signer:9000");
    environment.put("SIGNER_EXPECTED_PCR1", "1234");
    environment.put("SIGNER_TRUST_SOFTWARE_NSM", "yes");

    RunConfig.Invalid invalid =
        catchThrowableOfType(RunConfig.Invalid.class, () -> RunConfig.fromEnvironment(environment));

    assertThat(invalid.problems())
        .containsExactly(
            "SIGNER_URL: must be an http:// URL, like http://127.0.0.1:9000/",
            "SIGNER_ATTESTATION_URL is not set",
            "SIGNER_EXPECTED_PCR1: must be 48 bytes of hex (96 digits), as nitro-cli prints it",
            "SIGNER_TRUST_SOFTWARE_NSM: must be true or false");
    assertThat(invalid.getMessage()).doesNotContain(KEY);
  }
}
