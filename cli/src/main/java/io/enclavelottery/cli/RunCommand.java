package io.enclavelottery.cli;

import io.enclavelottery.frontend.ConfigException;
import io.enclavelottery.frontend.FrontendConfig;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;

/**
 * {@code lottery run}: keeps one lottery contract without Kubernetes — starts rounds' draws,
 * commitments and refunds as the chain needs them — and serves {@code GET /health} and {@code GET
 * /metrics}, configured by environment variables only (the seed system's). Runs until Ctrl-C or
 * SIGTERM, then stops cleanly.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Keeps one lottery contract (commit, draw, refund) and serves, on one port, /health,",
      "/metrics, the REST API (/api/...) and the WebSocket feed (/ws).",
      "Configured by environment variables only:",
      "  BLOCKCHAIN_RPC_URL               the node: http(s):// (polled) or ws(s):// (required)",
      "  BLOCKCHAIN_CHAIN_ID              the chain id; must match the node's (required)",
      "  BLOCKCHAIN_CONTRACT_ADDRESS      the lottery (required)",
      "  BLOCKCHAIN_OPERATOR_PRIVATE_KEY  the operator's key, hex (required unless SIGNER_URL;",
      "                                   never logged)",
      "  SIGNER_URL                       instead of a key: the enclave signer's signing port;",
      "                                   nothing is sent until its attestation verifies",
      "  SIGNER_ATTESTATION_URL           its attestation port (required with SIGNER_URL)",
      "  SIGNER_EXPECTED_PCR0, _PCR1, _PCR2  the enclave image's PCRs, hex (from nitro-cli)",
      "  SIGNER_TRUST_SOFTWARE_NSM        true: accept the software NSM (development only,",
      "                                   NOT SECURE; default false)",
      "  BLOCKCHAIN_GAS_MULTIPLIER        gas limit = estimate x this (default 1.2)",
      "  BLOCKCHAIN_GAS_PRICE             cap on the fee per gas, in gwei (default: none)",
      "  EVENTMGR_POLL_INTERVAL_SECONDS   block polling over http(s) (default 2)",
      "  SERVER_HOST, SERVER_PORT         the HTTP server (default 0.0.0.0:6080)",
      "  EVENTMGR_HISTORY_CAPACITY, EVENTMGR_FEED_CAPACITY  rounds and activity items kept",
      "  APP_LOG_LEVEL, APP_LOG_FILE      log level (default INFO) and an extra log file",
      "Runs until Ctrl-C or SIGTERM."
    })
final class RunCommand implements Callable<Integer> {

  private final Function<String, String> environment;

  RunCommand(Function<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public Integer call() throws InterruptedException {
    RunConfig config;
    try {
      config = RunConfig.from(environment);
    } catch (RunConfig.Invalid e) {
      throw CommandFailure.unusableInput(e.getMessage());
    }
    FrontendConfig feedConfig;
    try {
      feedConfig = FrontendConfig.fromEnvironment(environment);
    } catch (ConfigException e) {
      throw CommandFailure.unusableInput(e.getMessage());
    }
    RunLogging.apply(config.logLevel(), config.logFile());
    StandaloneRun run;
    try {
      run = StandaloneRun.start(config, feedConfig);
    } catch (IllegalStateException e) {
      throw CommandFailure.unusableInput(e.getMessage());
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  run.close();
                  stopped.countDown();
                },
                "lottery-run-shutdown"));
    stopped.await();
    return ExitCodes.OK;
  }
}
