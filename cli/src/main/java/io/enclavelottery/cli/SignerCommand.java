package io.enclavelottery.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code lottery signer}: the enclave signer (see docs/ENCLAVE.md), until Ctrl-C or SIGTERM. Inside
 * a Nitro Enclave it uses {@code /dev/nsm}; elsewhere only the software NSM, when asked for, and
 * says loudly that it is not secure.
 */
@Command(
    name = "signer",
    mixinStandardHelpOptions = true,
    subcommands = InjectKeyCommand.class,
    description = {
      "Runs the enclave signer: it holds the operator key and the draw seeds and signs only what"
          + " keeps the game running (docs/ENCLAVE.md). Keys are never read from arguments."
          + " Configured by environment variables:",
      "  SIGNER_CHAIN_ID                the only chain it signs for (required)",
      "  SIGNER_CONTRACT_ADDRESS        the only lottery it signs for (required)",
      "  SIGNER_OPERATOR_ADDRESS        wait for this operator's key to be injected"
          + " (default: generate the key inside)",
      "  SIGNER_PAYOUT_ADDRESS          where the operator account's ether may be sent (attested;"
          + " default: nowhere)",
      "  SIGNER_HOST                    where both ports listen (127.0.0.1)",
      "  SIGNER_PORT                    signing port: /sign /commit /draw /status, key injection"
          + " (9000)",
      "  SIGNER_ATTESTATION_PORT        attestation port: /attestation?nonce= (9001)",
      "  SIGNER_RELEASE_MARGIN_SECONDS  a seed is released this long after its round's end (30)",
      "  SIGNER_MAX_FEE_GWEI            cap on maxFeePerGas (500)",
      "  SIGNER_MAX_PRIORITY_FEE_GWEI   cap on maxPriorityFeePerGas (50)",
      "  SIGNER_MAX_GAS                 cap on the gas limit (3000000)",
      "  SIGNER_SOFTWARE_NSM            true: without /dev/nsm use the software NSM,"
          + " NOT SECURE (false)",
      "  APP_LOG_LEVEL                  log level (INFO)"
    })
final class SignerCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  private final Function<String, String> environment;

  SignerCommand(Function<String, String> environment) {
    this.environment = environment;
  }

  /** The environment the command reads, for its subcommands. */
  Function<String, String> environment() {
    return environment;
  }

  @Override
  public Integer call() throws InterruptedException {
    SignerConfig config = SignerConfig.from(environment);
    RunLogging.apply(config.logLevel(), Optional.empty());
    SignerProcess signer = SignerProcess.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  signer.close();
                  stopped.countDown();
                },
                "signer-shutdown"));
    PrintWriter out = spec.commandLine().getOut();
    if (!signer.secure()) {
      out.println(SignerProcess.NOT_SECURE);
    }
    out.printf(
        "Signer for lottery %s on chain %d, operator %s (%s): signing on http://%s:%d,"
            + " attestation on http://%s:%d%n",
        config.settings().contract(),
        config.settings().chainId(),
        signer.keys().operatorAddress(),
        signer.keys().generated()
            ? "key generated inside"
            : "key awaited at POST /api/set_operator_key",
        config.host(),
        signer.signingPort(),
        config.host(),
        signer.attestationPort());
    out.flush();
    stopped.await();
    return ExitCodes.OK;
  }
}
