package io.enclavelottery.cli;

import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.web3j.crypto.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lottery chain}: a local Anvil node for development, until Ctrl-C or SIGTERM stops it (and
 * its process with it).
 */
@Command(
    name = "chain",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a local Anvil chain (chain id 31337) and runs until Ctrl-C or SIGTERM.",
      "Prints its HTTP and WebSocket URL and its funded dev accounts, with their keys:"
          + " Anvil's public test keys, for this local chain only."
    })
final class ChainCommand implements Callable<Integer> {

  private static final long SHUTDOWN_GRACE_SECONDS = 2;

  @Spec private CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "8545",
      paramLabel = "PORT",
      description =
          "Port of the HTTP and WebSocket endpoint, on 127.0.0.1; 0 picks a free one"
              + " (default: ${DEFAULT-VALUE}).")
  private int port;

  @Option(
      names = "--block-time",
      defaultValue = "1",
      paramLabel = "SECONDS",
      description = "Seconds between blocks (default: ${DEFAULT-VALUE}).")
  private double blockTimeSeconds;

  @Override
  public Integer call() throws InterruptedException {
    validate();
    AtomicReference<LocalAnvil> started = new AtomicReference<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Thread shutdown = new Thread(() -> stop(started.get(), stopped), "chain-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdown);
    LocalAnvil anvil;
    try {
      anvil = start();
    } catch (CommandFailure e) {
      Runtime.getRuntime().removeShutdownHook(shutdown);
      throw e;
    }
    started.set(anvil);
    printBanner(anvil);
    // Runs until a signal's shutdown hook has stopped Anvil. A shutdown stops Anvil from two hooks
    // (this one and LocalAnvil's own), so a dead Anvil gets a moment to show it was a shutdown.
    while (!stopped.await(1, TimeUnit.SECONDS)) {
      if (!anvil.isAlive() && !stopped.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS)) {
        Runtime.getRuntime().removeShutdownHook(shutdown);
        anvil.close();
        throw new CommandFailure(ExitCodes.FAILED, "anvil stopped unexpectedly");
      }
    }
    return ExitCodes.OK;
  }

  // A signal during start-up needs nothing here: LocalAnvil's own hook stops a starting node.
  private void stop(LocalAnvil anvil, CountDownLatch stopped) {
    if (anvil != null) {
      anvil.close();
      spec.commandLine().getErr().println("lottery: anvil stopped");
      spec.commandLine().getErr().flush();
    }
    stopped.countDown();
  }

  private void validate() {
    if (port < 0 || port > 65535) {
      throw new ParameterException(
          spec.commandLine(), "--port must be within 0..65535, not " + port);
    }
    if (!(blockTimeSeconds > 0 && blockTimeSeconds <= 3600)) {
      throw new ParameterException(
          spec.commandLine(), "--block-time must be more than 0 and at most 3600 seconds");
    }
    LocalChain.requireFreePort(port, "another chain running? try --port");
  }

  private LocalAnvil start() {
    return LocalChain.start(port, blockTimeSeconds);
  }

  private void printBanner(LocalAnvil anvil) {
    PrintWriter out = spec.commandLine().getOut();
    List<DevAccount> accounts = anvil.accounts();
    out.printf(
        "Local Anvil chain, chain id %d, a block every %s s%n", LocalAnvil.CHAIN_ID, seconds());
    out.printf("  HTTP       %s%n", anvil.httpUrl());
    out.printf("  WebSocket  %s%n", anvil.wsUrl());
    out.println();
    out.println("Dev accounts (funded with test ether):");
    for (int i = 0; i < accounts.size(); i++) {
      out.printf("  (%d) %s%n", i, Keys.toChecksumAddress(accounts.get(i).address()));
    }
    out.println();
    out.println("Private keys: Anvil's PUBLIC test keys, known to everyone.");
    out.println("Use them on this local chain only, never on a real network.");
    for (int i = 0; i < accounts.size(); i++) {
      out.printf("  (%d) %s%n", i, LocalChain.publicTestKey(accounts.get(i)));
    }
    out.println();
    out.println("Deploy the lottery with account 0 as publisher and account 1 as operator:");
    out.printf(
        "  %s=%s ./lottery deploy --rpc %s --operator %s%n",
        PublisherKeyOptions.ENV_VAR,
        LocalChain.publicTestKey(accounts.get(0)),
        anvil.httpUrl(),
        Keys.toChecksumAddress(accounts.get(1).address()));
    out.println();
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }

  private String seconds() {
    return blockTimeSeconds == Math.rint(blockTimeSeconds)
        ? Long.toString((long) blockTimeSeconds)
        : Double.toString(blockTimeSeconds);
  }
}
