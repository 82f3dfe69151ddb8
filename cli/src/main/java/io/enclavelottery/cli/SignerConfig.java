package io.enclavelottery.cli;

import io.enclavelottery.enclave.signer.FeeCaps;
import io.enclavelottery.enclave.signer.SignerSettings;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.web3j.utils.Convert;

/**
 * {@code lottery signer}'s configuration, from environment variables only (keys are never
 * configured: the signer generates its own or receives one encrypted over HTTP).
 *
 * @param settings {@code SIGNER_CHAIN_ID}, {@code SIGNER_CONTRACT_ADDRESS} (required), the fee caps
 *     {@code SIGNER_MAX_FEE_GWEI} (500), {@code SIGNER_MAX_PRIORITY_FEE_GWEI} (50), {@code
 *     SIGNER_MAX_GAS} (3000000), {@code SIGNER_RELEASE_MARGIN_SECONDS} (30) and {@code
 *     SIGNER_PAYOUT_ADDRESS} (where the operator account's ether may be sent; none)
 * @param injectedOperator {@code SIGNER_OPERATOR_ADDRESS}: when set, the key is not generated but
 *     awaited through {@code POST /api/set_operator_key}, and must be this address's
 * @param host {@code SIGNER_HOST}: where both ports listen (127.0.0.1; socat bridges vsock to it)
 * @param signingPort {@code SIGNER_PORT} (9000; 0 picks a free port)
 * @param attestationPort {@code SIGNER_ATTESTATION_PORT} (9001)
 * @param softwareNsm {@code SIGNER_SOFTWARE_NSM=true}: without {@code /dev/nsm}, use the software
 *     NSM (NOT SECURE, development only)
 * @param logLevel {@code APP_LOG_LEVEL} (INFO)
 */
record SignerConfig(
    SignerSettings settings,
    Optional<String> injectedOperator,
    String host,
    int signingPort,
    int attestationPort,
    boolean softwareNsm,
    String logLevel) {

  static final String CHAIN_ID = "SIGNER_CHAIN_ID";
  static final String CONTRACT = "SIGNER_CONTRACT_ADDRESS";
  static final String OPERATOR = "SIGNER_OPERATOR_ADDRESS";
  static final String PAYOUT = "SIGNER_PAYOUT_ADDRESS";
  static final String HOST = "SIGNER_HOST";
  static final String PORT = "SIGNER_PORT";
  static final String ATTESTATION_PORT = "SIGNER_ATTESTATION_PORT";
  static final String MARGIN = "SIGNER_RELEASE_MARGIN_SECONDS";
  static final String MAX_FEE = "SIGNER_MAX_FEE_GWEI";
  static final String MAX_PRIORITY_FEE = "SIGNER_MAX_PRIORITY_FEE_GWEI";
  static final String MAX_GAS = "SIGNER_MAX_GAS";
  static final String SOFTWARE_NSM = "SIGNER_SOFTWARE_NSM";
  static final String LOG_LEVEL = "APP_LOG_LEVEL";

  private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR");

  /**
   * Reads the configuration.
   *
   * @throws CommandFailure naming every variable that is missing or wrong
   */
  static SignerConfig from(Function<String, String> environment) {
    List<String> problems = new ArrayList<>();
    Reader read = new Reader(environment, problems);
    Long chainId = read.required(CHAIN_ID, text -> positive(text, "a chain id"));
    String contract = read.required(CONTRACT, SignerConfig::address);
    Optional<String> operator =
        Optional.ofNullable(read.optional(OPERATOR, null, SignerConfig::address));
    Optional<String> payout =
        Optional.ofNullable(read.optional(PAYOUT, null, SignerConfig::address));
    String host = read.optional(HOST, "127.0.0.1", SignerConfig::host);
    Integer port = read.optional(PORT, "9000", SignerConfig::port);
    Integer attestationPort = read.optional(ATTESTATION_PORT, "9001", SignerConfig::port);
    Long margin = read.optional(MARGIN, "30", text -> notNegative(text, "a number of seconds"));
    BigInteger maxFee = read.optional(MAX_FEE, "500", SignerConfig::gwei);
    BigInteger maxTip = read.optional(MAX_PRIORITY_FEE, "50", SignerConfig::gwei);
    Long maxGas = read.optional(MAX_GAS, "3000000", text -> positive(text, "an amount of gas"));
    Boolean software = read.optional(SOFTWARE_NSM, "false", SignerConfig::flag);
    String level = read.optional(LOG_LEVEL, "INFO", SignerConfig::level);
    if (port != null && port != 0 && port.equals(attestationPort)) {
      problems.add(PORT + " and " + ATTESTATION_PORT + " must differ");
    }
    if (!problems.isEmpty()) {
      throw CommandFailure.unusableInput(String.join("; ", problems));
    }
    SignerSettings settings =
        new SignerSettings(
            chainId,
            contract,
            new FeeCaps(maxFee, maxTip, BigInteger.valueOf(maxGas)),
            Duration.ofSeconds(margin),
            payout);
    return new SignerConfig(settings, operator, host, port, attestationPort, software, level);
  }

  /** Reads one variable at a time, collecting a problem per bad one. */
  private record Reader(Function<String, String> environment, List<String> problems) {

    <T> T required(String name, Function<String, T> parse) {
      String text = environment.apply(name);
      if (text == null || text.isBlank()) {
        problems.add(name + " is required");
        return null;
      }
      return parsed(name, text, parse);
    }

    /** The variable parsed, or {@code fallback} parsed when unset; {@code null} for neither. */
    <T> T optional(String name, String fallback, Function<String, T> parse) {
      String text = environment.apply(name);
      if (text == null || text.isBlank()) {
        return fallback == null ? null : parse.apply(fallback);
      }
      return parsed(name, text, parse);
    }

    private <T> T parsed(String name, String text, Function<String, T> parse) {
      try {
        return parse.apply(text.strip());
      } catch (IllegalArgumentException e) {
        problems.add(name + ": " + e.getMessage());
        return null;
      }
    }
  }

  private static String address(String text) {
    return EthAddress.parse(text).value();
  }

  private static long positive(String text, String what) {
    long value = notNegative(text, what);
    if (value == 0) {
      throw new IllegalArgumentException("must be positive");
    }
    return value;
  }

  private static long notNegative(String text, String what) {
    try {
      long value = Long.parseLong(text);
      if (value < 0) {
        throw new IllegalArgumentException("must not be negative");
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number (" + what + ")");
    }
  }

  private static BigInteger gwei(String text) {
    try {
      BigDecimal gwei = new BigDecimal(text);
      if (gwei.signum() <= 0) {
        throw new IllegalArgumentException("must be a positive number of gwei");
      }
      return Convert.toWei(gwei, Convert.Unit.GWEI).toBigInteger();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("must be a number of gwei");
    }
  }

  private static int port(String text) {
    long port = notNegative(text, "a port");
    if (port > 65_535) {
      throw new IllegalArgumentException("must be a port number, 0 (any free one) to 65535");
    }
    return (int) port;
  }

  private static String host(String text) {
    if (text.contains(" ")) {
      throw new IllegalArgumentException("must be a host name or address, like 127.0.0.1");
    }
    return text;
  }

  private static boolean flag(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException("must be true or false");
    };
  }

  private static String level(String text) {
    String level = text.toUpperCase(Locale.ROOT);
    if (!LEVELS.contains(level)) {
      throw new IllegalArgumentException("must be one of TRACE, DEBUG, INFO, WARN, ERROR");
    }
    return level;
  }
}
