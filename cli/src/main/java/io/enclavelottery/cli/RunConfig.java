package io.enclavelottery.cli;

import io.enclavelottery.chain.follower.FollowerConfig;
import io.enclavelottery.chain.signer.KeyLoadException;
import io.enclavelottery.chain.signer.KeySource;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.FeePolicy;
import io.enclavelottery.operator.decision.DesiredSettings;
import io.enclavelottery.operator.keeper.OperatorSigning;
import io.enclavelottery.operator.keeper.StandaloneSettings;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code lottery run}'s configuration, from environment variables only, with the seed system's
 * names and meanings. Immutable; {@link #toString()} never shows the key or the RPC URL's path.
 *
 * @param rpcUrl {@code BLOCKCHAIN_RPC_URL} (required): the node, http(s) (polled) or ws(s)
 * @param chainId {@code BLOCKCHAIN_CHAIN_ID} (required): must match the node's
 * @param contract {@code BLOCKCHAIN_CONTRACT_ADDRESS} (required): the lottery
 * @param signing {@code BLOCKCHAIN_OPERATOR_PRIVATE_KEY}: the operator's key, hex; or, instead, the
 *     enclave signer ({@code SIGNER_URL} and the other {@link SignerVariables})
 * @param feePolicy {@code BLOCKCHAIN_GAS_MULTIPLIER} (gas estimate × this, default 1.2) and {@code
 *     BLOCKCHAIN_GAS_PRICE} (cap on the fee per gas, in gwei; default none)
 * @param pollInterval {@code EVENTMGR_POLL_INTERVAL_SECONDS}: how often new blocks are polled over
 *     http(s) (default 2)
 * @param serverHost {@code SERVER_HOST}: the HTTP server's address (default 0.0.0.0)
 * @param serverPort {@code SERVER_PORT}: its port (default 6080)
 * @param logLevel {@code APP_LOG_LEVEL}: TRACE, DEBUG, INFO, WARN or ERROR (default INFO)
 * @param logFile {@code APP_LOG_FILE}: a file the log is written to as well as standard output
 */
record RunConfig(
    RpcUrl rpcUrl,
    long chainId,
    EthAddress contract,
    OperatorSigning signing,
    FeePolicy feePolicy,
    Duration pollInterval,
    String serverHost,
    int serverPort,
    String logLevel,
    Optional<Path> logFile) {

  static final String RPC_URL = "BLOCKCHAIN_RPC_URL";
  static final String CHAIN_ID = "BLOCKCHAIN_CHAIN_ID";
  static final String CONTRACT_ADDRESS = "BLOCKCHAIN_CONTRACT_ADDRESS";
  static final String OPERATOR_KEY = "BLOCKCHAIN_OPERATOR_PRIVATE_KEY";
  static final String POLL_INTERVAL = "EVENTMGR_POLL_INTERVAL_SECONDS";
  static final String SERVER_HOST = "SERVER_HOST";
  static final String SERVER_PORT = "SERVER_PORT";
  static final String LOG_LEVEL = "APP_LOG_LEVEL";
  static final String LOG_FILE = "APP_LOG_FILE";

  static final int DEFAULT_PORT = 6080;
  private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  RunConfig {
    Objects.requireNonNull(rpcUrl, "rpcUrl");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(feePolicy, "feePolicy");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(serverHost, "serverHost");
    Objects.requireNonNull(logLevel, "logLevel");
    Objects.requireNonNull(logFile, "logFile");
  }

  /** Every variable that is wrong, one sentence each, naming the variable. */
  static final class Invalid extends RuntimeException {
    private final List<String> problems;

    Invalid(List<String> problems) {
      super(String.join("; ", problems));
      this.problems = List.copyOf(problems);
    }

    List<String> problems() {
      return problems;
    }
  }

  /** Reads the configuration from an environment map. */
  static RunConfig fromEnvironment(Map<String, String> environment) {
    return from(environment::get);
  }

  /**
   * Reads the configuration from environment variables.
   *
   * @throws Invalid naming every variable that is missing or wrong (never repeating a key)
   */
  static RunConfig from(Function<String, String> environment) {
    Variables vars = new Variables(environment);
    RpcUrl rpcUrl = vars.required(RPC_URL, RpcUrl::parse);
    Long chainId = vars.required(CHAIN_ID, RunConfig::chainId);
    EthAddress contract = vars.required(CONTRACT_ADDRESS, EthAddress::parse);
    OperatorSigning signing =
        vars.isSet(SignerVariables.URL) ? SignerVariables.read(vars) : keySigning(vars.key());
    BigDecimal multiplier =
        vars.optional(FeePolicy.GAS_MULTIPLIER_VARIABLE, RunConfig::gasMultiplier).orElse(null);
    BigDecimal feeCap =
        vars.optional(FeePolicy.FEE_CAP_GWEI_VARIABLE, RunConfig::feeCapGwei).orElse(null);
    Duration poll =
        vars.optional(POLL_INTERVAL, RunConfig::pollInterval)
            .orElse(FollowerConfig.defaults().pollInterval());
    String host = vars.optional(SERVER_HOST, RunConfig::host).orElse("0.0.0.0");
    int port = vars.optional(SERVER_PORT, RunConfig::port).orElse(DEFAULT_PORT);
    String level = vars.optional(LOG_LEVEL, RunConfig::level).orElse("INFO");
    Optional<Path> logFile = vars.optional(LOG_FILE, Path::of);
    vars.throwIfAnyProblem();
    FeePolicy fees = FeePolicy.defaults();
    if (multiplier != null) {
      fees = fees.withGasMultiplier(multiplier);
    }
    if (feeCap != null) {
      fees = fees.withFeeCapGwei(feeCap);
    }
    return new RunConfig(
        rpcUrl, chainId, contract, signing, fees, poll, host, port, level, logFile);
  }

  /**
   * The keeper's settings: no automatic start, no extension, no pause and the contract's own
   * settings kept, as the seed system ran.
   */
  StandaloneSettings keeperSettings() {
    return new StandaloneSettings(
        rpcUrl.uri().toString(),
        chainId,
        contract.value(),
        signing,
        feePolicy,
        pollInterval,
        false,
        false,
        false,
        DesiredSettings.keepOnChain());
  }

  @Override
  public String toString() {
    return "RunConfig[rpc="
        + rpcUrl.redacted()
        + ", chainId="
        + chainId
        + ", contract="
        + contract
        + ", signing="
        + signing
        + ", server="
        + serverHost
        + ":"
        + serverPort
        + "]";
  }

  private static OperatorSigning keySigning(SigningKey key) {
    return key == null ? null : new OperatorSigning.LocalKey(key);
  }

  private static long chainId(String text) {
    long id;
    try {
      id = Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number (31337 for Anvil)");
    }
    if (id <= 0) {
      throw new IllegalArgumentException("must be positive");
    }
    return id;
  }

  private static BigDecimal gasMultiplier(String text) {
    BigDecimal value = number(text);
    if (value.compareTo(BigDecimal.ONE) < 0) {
      throw new IllegalArgumentException("must be at least 1 (it multiplies the gas estimate)");
    }
    return value;
  }

  private static BigDecimal feeCapGwei(String text) {
    BigDecimal value = number(text);
    if (value.signum() <= 0) {
      throw new IllegalArgumentException("must be a positive number of gwei");
    }
    return value;
  }

  private static Duration pollInterval(String text) {
    BigDecimal seconds = number(text);
    if (seconds.signum() <= 0) {
      throw new IllegalArgumentException("must be a positive number of seconds");
    }
    return Duration.ofMillis(seconds.movePointRight(3).longValue());
  }

  private static String host(String text) {
    if (text.isBlank() || text.strip().contains(" ")) {
      throw new IllegalArgumentException("must be a host name or address, like 0.0.0.0");
    }
    return text.strip();
  }

  private static int port(String text) {
    int port;
    try {
      port = Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a port number, 1 to 65535");
    }
    if (port < 1 || port > 65_535) {
      throw new IllegalArgumentException("must be a port number, 1 to 65535");
    }
    return port;
  }

  private static String level(String text) {
    String level = text.strip().toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw new IllegalArgumentException("must be one of TRACE, DEBUG, INFO, WARN, ERROR");
    }
    return level;
  }

  private static BigDecimal number(String text) {
    try {
      return new BigDecimal(text.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a number");
    }
  }

  /** Reads variables and collects one problem per wrong one. */
  static final class Variables {
    private final Function<String, String> environment;
    private final List<String> problems = new ArrayList<>();

    Variables(Function<String, String> environment) {
      this.environment = environment;
    }

    <T> T required(String name, Function<String, T> parse) {
      String value = environment.apply(name);
      if (value == null || value.isBlank()) {
        problems.add(name + " is not set");
        return null;
      }
      return parsed(name, value, parse).orElse(null);
    }

    boolean isSet(String name) {
      String value = environment.apply(name);
      return value != null && !value.isBlank();
    }

    <T> Optional<T> optional(String name, Function<String, T> parse) {
      String value = environment.apply(name);
      if (value == null || value.isBlank()) {
        return Optional.empty();
      }
      return parsed(name, value, parse);
    }

    SigningKey key() {
      try {
        return new KeySource.EnvironmentVariable(OPERATOR_KEY).loadFrom(environment);
      } catch (KeyLoadException e) {
        problems.add(e.getMessage());
        return null;
      }
    }

    private <T> Optional<T> parsed(String name, String value, Function<String, T> parse) {
      try {
        return Optional.of(parse.apply(value));
      } catch (IllegalArgumentException e) {
        problems.add(name + ": " + e.getMessage());
        return Optional.empty();
      }
    }

    void throwIfAnyProblem() {
      if (!problems.isEmpty()) {
        throw new Invalid(problems);
      }
    }
  }
}
