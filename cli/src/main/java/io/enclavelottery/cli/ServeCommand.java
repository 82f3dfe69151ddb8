package io.enclavelottery.cli;

import io.enclavelottery.frontend.ConfigException;
import io.enclavelottery.frontend.FrontendConfig;
import io.enclavelottery.frontend.FrontendServer;
import io.enclavelottery.frontend.StartupException;
import io.enclavelottery.frontend.http.AttestationSource;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lottery serve}: the frontend server alone (REST API, health, metrics, static UI) for one
 * contract, configured by environment variables, until Ctrl-C or SIGTERM.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serves the lottery's REST API, health, readiness, metrics and UI for one contract,"
          + " until Ctrl-C or SIGTERM. Configured by environment variables:",
      "  BLOCKCHAIN_RPC_URL            the node, http(s):// or ws(s):// (required)",
      "  BLOCKCHAIN_CONTRACT_ADDRESS   the lottery (required)",
      "  BLOCKCHAIN_CHAIN_ID           the chain the node must be on",
      "  SERVER_HOST, SERVER_PORT      where to listen (0.0.0.0, 6080)",
      "  SERVER_STATIC_DIR             a built UI to serve instead of the one in the jar",
      "  EVENTMGR_HISTORY_CAPACITY     finished rounds kept (50)",
      "  EVENTMGR_FEED_CAPACITY        activity items kept (200)",
      "  EVENTMGR_POLL_INTERVAL_SECONDS  polling of an http(s) node (2)",
      "  EVENTMGR_START_BLOCK          first block read (the contract's deployment block)",
      "  EVENTMGR_CONFIRMATIONS        blocks before an event is shown (0)",
      "  HEALTH_MAX_LAG_BLOCKS         lag beyond which /health is degraded (10)",
      "  SERVER_RATE_LIMIT_PER_SECOND, SERVER_RATE_LIMIT_BURST  per client (20, 60; 0 = off)",
      "  SERVER_TRUSTED_PROXIES        proxies whose X-Forwarded-For counts (IPs, CIDRs)",
      "  SERVER_CORS_ORIGINS           origins allowed to call the API (none)",
      "  SERVER_MAX_BODY_BYTES, SERVER_MAX_HEADER_BYTES  request limits (16384, 16384)",
      "  SIGNER_ATTESTATION_URL        the enclave signer's attestation port, for",
      "                                /api/attestation?nonce= (none: 404)",
      "  APP_LOG_LEVEL                 log level (INFO)"
    })
final class ServeCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  private final Function<String, String> environment;

  ServeCommand(Function<String, String> environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    FrontendConfig config;
    try {
      config = FrontendConfig.fromEnvironment(environment);
    } catch (ConfigException e) {
      throw CommandFailure.unusableInput(e.getMessage());
    }
    Optional<AttestationSource> attestation = signerAttestation();
    RunLogging.apply(config.logLevel(), Optional.empty());
    AtomicReference<FrontendServer> started = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown = new Thread(() -> stop(started.get(), stopped), "serve-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    try {
      started.set(FrontendServer.start(config, attestation));
    } catch (StartupException e) {
      Runtime.getRuntime().removeShutdownHook(shutdown);
      throw CommandFailure.unusableInput(e.getMessage());
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "Serving lottery %s on http://%s:%d%n",
        config.contract(), config.host(), started.get().port());
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }

  private Optional<AttestationSource> signerAttestation() {
    String url = environment.apply(SignerVariables.ATTESTATION_URL);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new SignerAttestationSource(SignerVariables.httpUrl(url), Duration.ofSeconds(10)));
    } catch (IllegalArgumentException e) {
      throw CommandFailure.unusableInput(SignerVariables.ATTESTATION_URL + ": " + e.getMessage());
    }
  }

  private static void stop(FrontendServer server, CountDownLatch stopped) {
    if (server != null) {
      server.close();
    }
    stopped.countDown();
  }
}
