package io.enclavelottery.frontend;

import io.enclavelottery.frontend.http.AddressBlock;
import io.enclavelottery.frontend.http.HttpSettings;
import io.enclavelottery.frontend.view.ViewLimits;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Everything the frontend server is configured with, typed and checked. {@link #fromEnvironment}
 * reads the seed system's variables and this server's own, named with each parameter below.
 *
 * @param rpcUrl the node ({@code BLOCKCHAIN_RPC_URL}): {@code http(s)://} polls, {@code ws(s)://}
 *     subscribes to new heads
 * @param expectedChainId the chain the node must be on ({@code BLOCKCHAIN_CHAIN_ID}); empty: any
 * @param contract the lottery's address ({@code BLOCKCHAIN_CONTRACT_ADDRESS}), lower-case
 * @param host the interface to listen on ({@code SERVER_HOST}, default {@code 0.0.0.0})
 * @param port the port ({@code SERVER_PORT}, default 6080; 0 picks a free one)
 * @param viewLimits history and activity kept ({@code EVENTMGR_HISTORY_CAPACITY}, default 50;
 *     {@code EVENTMGR_FEED_CAPACITY}, default 200)
 * @param pollInterval how often an HTTP node is polled for new blocks ({@code
 *     EVENTMGR_POLL_INTERVAL_SECONDS}, default 2, fractions allowed)
 * @param startBlock where the view's backfill starts ({@code EVENTMGR_START_BLOCK}); empty: the
 *     contract's deployment block, found by a binary search over {@code eth_getCode} (about 25
 *     calls), or 0 where the node keeps no old state
 * @param confirmations how deep a block must be before its events are shown ({@code
 *     EVENTMGR_CONFIRMATIONS}, default 0)
 * @param maxLagBlocks how many blocks beyond the confirmations the view may trail the chain before
 *     {@code /health} says degraded ({@code HEALTH_MAX_LAG_BLOCKS}, default 10)
 * @param http limits, proxies, CORS and the UI folder ({@code SERVER_…}, see {@link HttpSettings})
 * @param logLevel the log level ({@code APP_LOG_LEVEL}, default {@code INFO}), applied by the
 *     command that starts the server
 */
public record FrontendConfig(
    String rpcUrl,
    Optional<Long> expectedChainId,
    String contract,
    String host,
    int port,
    ViewLimits viewLimits,
    Duration pollInterval,
    Optional<Long> startBlock,
    int confirmations,
    long maxLagBlocks,
    HttpSettings http,
    String logLevel) {

  public static final int DEFAULT_PORT = 6080;

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:\\-\\[\\]]{1,255}");
  private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?");
  private static final Set<String> LOG_LEVELS =
      Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");
  private static final Set<String> RPC_SCHEMES = Set.of("http", "https", "ws", "wss");

  public FrontendConfig {
    Objects.requireNonNull(rpcUrl, "rpcUrl");
    Objects.requireNonNull(expectedChainId, "expectedChainId");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(viewLimits, "viewLimits");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(startBlock, "startBlock");
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(logLevel, "logLevel");
    contract = contract.toLowerCase(Locale.ROOT);
  }

  /**
   * Reads the configuration from environment variables.
   *
   * @throws ConfigException naming every bad variable
   */
  public static FrontendConfig fromEnvironment(Function<String, String> environment) {
    EnvironmentReader env = new EnvironmentReader(environment);
    String rpcUrl = env.required("BLOCKCHAIN_RPC_URL", "the node's http(s):// or ws(s):// URL");
    if (!rpcUrl.isEmpty() && !isRpcUrl(rpcUrl)) {
      // the URL itself is not repeated: it may carry an API key
      env.problem("BLOCKCHAIN_RPC_URL must be an http(s):// or ws(s):// URL with a host");
    }
    Optional<Long> chainId = env.optionalNumber("BLOCKCHAIN_CHAIN_ID", 1, (1L << 53) - 1);
    String contract =
        env.required("BLOCKCHAIN_CONTRACT_ADDRESS", "the lottery's address (0x and 40 hex digits)");
    if (!contract.isEmpty() && !ADDRESS.matcher(contract).matches()) {
      env.problem(
          "BLOCKCHAIN_CONTRACT_ADDRESS must be 0x and 40 hex digits, not \"" + contract + '"');
    }
    String host = env.text("SERVER_HOST").orElse("0.0.0.0");
    if (!HOST.matcher(host).matches()) {
      env.problem("SERVER_HOST must be a host name or IP address, not \"" + host + '"');
    }
    int port = (int) env.number("SERVER_PORT", DEFAULT_PORT, 0, 65_535);
    int history = (int) env.number("EVENTMGR_HISTORY_CAPACITY", 50, 1, 10_000);
    int feed = (int) env.number("EVENTMGR_FEED_CAPACITY", 200, 1, 100_000);
    Duration poll =
        env.seconds(
            "EVENTMGR_POLL_INTERVAL_SECONDS",
            Duration.ofSeconds(2),
            Duration.ofMillis(50),
            Duration.ofHours(1));
    Optional<Long> startBlock = env.optionalNumber("EVENTMGR_START_BLOCK", 0, Long.MAX_VALUE);
    int confirmations = (int) env.number("EVENTMGR_CONFIRMATIONS", 0, 0, 100);
    long maxLag = env.number("HEALTH_MAX_LAG_BLOCKS", 10, 0, 1_000_000);
    HttpSettings http = http(env);
    String logLevel = env.text("APP_LOG_LEVEL").orElse("INFO").toUpperCase(Locale.ROOT);
    if (!LOG_LEVELS.contains(logLevel)) {
      env.problem("APP_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR, OFF");
    }
    env.check();
    return new FrontendConfig(
        rpcUrl,
        chainId,
        contract,
        host,
        port,
        new ViewLimits(history, feed),
        poll,
        startBlock,
        confirmations,
        maxLag,
        http,
        logLevel);
  }

  private static HttpSettings http(EnvironmentReader env) {
    HttpSettings defaults = HttpSettings.defaults();
    int maxBody = (int) env.number("SERVER_MAX_BODY_BYTES", defaults.maxBodyBytes(), 0, 1 << 20);
    int maxHeader =
        (int) env.number("SERVER_MAX_HEADER_BYTES", defaults.maxHeaderBytes(), 1024, 1 << 20);
    HttpSettings.RateLimit defaultRate = defaults.rateLimit().orElseThrow();
    long perSecond =
        env.number("SERVER_RATE_LIMIT_PER_SECOND", (long) defaultRate.perSecond(), 0, 1_000_000);
    int burst = (int) env.number("SERVER_RATE_LIMIT_BURST", defaultRate.burst(), 1, 1_000_000);
    Optional<HttpSettings.RateLimit> rate =
        perSecond == 0
            ? Optional.empty()
            : Optional.of(new HttpSettings.RateLimit(perSecond, burst));
    List<AddressBlock> proxies = new ArrayList<>();
    for (String entry : env.list("SERVER_TRUSTED_PROXIES")) {
      try {
        proxies.add(AddressBlock.parse(entry));
      } catch (IllegalArgumentException e) {
        env.problem("SERVER_TRUSTED_PROXIES: " + e.getMessage() + " (IP addresses or CIDR blocks)");
      }
    }
    List<String> origins = env.list("SERVER_CORS_ORIGINS");
    for (String origin : origins) {
      if (!origin.equals("*") && !ORIGIN.matcher(origin).matches()) {
        env.problem(
            "SERVER_CORS_ORIGINS: \""
                + origin
                + "\" is not an origin (scheme://host[:port], or * for any)");
      }
    }
    Optional<Path> staticDir = env.text("SERVER_STATIC_DIR").map(Path::of);
    if (staticDir.isPresent() && !Files.isDirectory(staticDir.get())) {
      env.problem("SERVER_STATIC_DIR must be an existing folder, not \"" + staticDir.get() + '"');
    }
    return new HttpSettings(maxBody, maxHeader, rate, proxies, origins, staticDir);
  }

  private static boolean isRpcUrl(String text) {
    try {
      URI uri = new URI(text);
      return uri.getScheme() != null
          && RPC_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
          && uri.getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
