package io.enclavelottery.cli;

import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.tx.FeePolicy;
import io.enclavelottery.frontend.FrontendConfig;
import io.enclavelottery.operator.keeper.OperatorSigning;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.web3j.crypto.Keys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lottery dev}: the whole system on a local chain in one process — Anvil, the contract, the
 * standalone keeper, the feed and the UI, and optionally simulated players — until Ctrl-C or
 * SIGTERM stops everything it started.
 */
@Command(
    name = "dev",
    mixinStandardHelpOptions = true,
    description = {
      "Starts a local Anvil chain, deploys the lottery (Anvil's dev account 0 publishes, 1"
          + " operates), keeps it, and serves the UI, the API and the feed; rounds take 30 s of"
          + " betting and are drawn 5 s later. Runs until Ctrl-C or SIGTERM and then stops"
          + " everything it started."
    })
final class DevCommand implements Callable<Integer> {

  private static final String HOST = "127.0.0.1";
  private static final int MAX_PLAYERS = 7;

  @Spec private CommandSpec spec;

  @Option(
      names = "--players",
      defaultValue = "3",
      paramLabel = "N",
      description =
          "Simulated players betting at random from dev accounts 2 to 8 (0 to 7, default"
              + " ${DEFAULT-VALUE}); account 9 is left for your wallet.")
  private int players;

  @Option(
      names = "--port",
      defaultValue = "6080",
      paramLabel = "PORT",
      description = "Port of the UI, API and feed on 127.0.0.1; 0 picks a free one (default 6080).")
  private int port;

  @Option(
      names = "--chain-port",
      defaultValue = "8545",
      paramLabel = "PORT",
      description =
          "Port of the local chain's HTTP and WebSocket endpoint on 127.0.0.1; 0 picks a free one"
              + " (default: ${DEFAULT-VALUE}).")
  private int chainPort;

  @Option(
      names = "--block-time",
      defaultValue = "1",
      paramLabel = "SECONDS",
      description = "Seconds between blocks (default: ${DEFAULT-VALUE}).")
  private double blockTimeSeconds;

  @Option(
      names = "--enclave",
      description =
          "Let the enclave signer hold the operator's key and the draw seeds, in this process on"
              + " the software NSM: the keeper attests it before using it and the UI's"
              + " attestation panel checks it. NOT SECURE (no enclave here): for seeing that path"
              + " at work. Its seeds are released by real time, so draws come 2 s after betting"
              + " ends on the chain's clock.")
  private boolean enclave;

  @Override
  public Integer call() throws InterruptedException {
    validate();
    RunLogging.apply("INFO", Optional.empty());
    LocalAnvil anvil = LocalChain.start(chainPort, blockTimeSeconds);
    DevLottery lottery;
    StandaloneRun run;
    Optional<DevSigner> signer = Optional.empty();
    try {
      if (enclave) {
        signer = Optional.of(DevSigner.open());
      }
      lottery =
          DevLottery.deploy(
              anvil,
              signer
                  .map(DevSigner::operator)
                  .orElseGet(() -> DevLottery.devOperator(anvil).address()));
      signer.ifPresent(unserved -> unserved.serve(lottery.address()));
      run = StandaloneRun.start(runConfig(lottery, signer), feedConfig(lottery));
    } catch (RuntimeException e) {
      signer.ifPresent(DevSigner::close);
      anvil.close();
      throw new CommandFailure(
          ExitCodes.FAILED,
          "dev mode could not start: " + OneLineErrorHandler.describe(e).lines().findFirst().get(),
          e);
    }
    List<String> bettors =
        lottery.players().subList(0, players).stream().map(DevAccount::address).toList();
    SimulatedPlayers simulated =
        SimulatedPlayers.start(
            new DevTransactions(anvil), lottery.address(), bettors, DevLottery.MIN_BET);
    CountDownLatch stopped = new CountDownLatch(1);
    Optional<DevSigner> started = signer;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  simulated.close();
                  run.close();
                  started.ifPresent(DevSigner::close);
                  anvil.close();
                  stopped.countDown();
                },
                "lottery-dev-shutdown"));
    printBanner(lottery, run.port(), signer);
    stopped.await();
    return ExitCodes.OK;
  }

  private void validate() {
    if (players < 0 || players > MAX_PLAYERS) {
      throw new ParameterException(
          spec.commandLine(), "--players must be within 0.." + MAX_PLAYERS + ", not " + players);
    }
    if (port < 0 || port > 65535 || chainPort < 0 || chainPort > 65535) {
      throw new ParameterException(
          spec.commandLine(), "--port and --chain-port must be within 0..65535");
    }
    if (!(blockTimeSeconds > 0 && blockTimeSeconds <= 60)) {
      throw new ParameterException(
          spec.commandLine(), "--block-time must be more than 0 and at most 60 seconds");
    }
    LocalChain.requireFreePort(port, "dev mode already running? try --port");
    LocalChain.requireFreePort(chainPort, "a chain already running? try --chain-port 0");
  }

  private RunConfig runConfig(DevLottery lottery, Optional<DevSigner> signer) {
    return new RunConfig(
        RpcUrl.parse(lottery.anvil().wsUrl()),
        LocalAnvil.CHAIN_ID,
        EthAddress.parse(lottery.address()),
        signer
            .<OperatorSigning>map(DevSigner::signing)
            .orElseGet(
                () -> new OperatorSigning.LocalKey(DevLottery.devOperator(lottery.anvil()).key())),
        FeePolicy.defaults(),
        Duration.ofSeconds(1),
        HOST,
        port,
        "INFO",
        Optional.empty());
  }

  private FrontendConfig feedConfig(DevLottery lottery) {
    Map<String, String> environment =
        Map.of(
            "BLOCKCHAIN_RPC_URL", lottery.anvil().wsUrl(),
            "BLOCKCHAIN_CHAIN_ID", Long.toString(LocalAnvil.CHAIN_ID),
            "BLOCKCHAIN_CONTRACT_ADDRESS", lottery.address(),
            "EVENTMGR_START_BLOCK", Long.toString(lottery.deploymentBlock()),
            "SERVER_HOST", HOST,
            "SERVER_PORT", Integer.toString(port));
    return FrontendConfig.fromEnvironment(environment::get);
  }

  private void printBanner(DevLottery lottery, int boundPort, Optional<DevSigner> signer) {
    PrintWriter out = spec.commandLine().getOut();
    DevAccount wallet = lottery.players().get(lottery.players().size() - 1);
    out.println();
    out.println("Enclave Lottery dev mode: a local chain with the whole system on it.");
    out.printf("  UI         http://%s:%d/%n", HOST, boundPort);
    out.printf("  API        http://%s:%d/api/round/status%n", HOST, boundPort);
    out.printf("  Chain      %s (chain id %d)%n", lottery.anvil().httpUrl(), LocalAnvil.CHAIN_ID);
    out.printf("  Lottery    %s%n", Keys.toChecksumAddress(lottery.address()));
    out.printf("  Players    %d simulated%n", players);
    signer.ifPresent(
        serving ->
            out.printf(
                "  Signer     %s, operator %s (software NSM: NOT SECURE, development only)%n",
                serving.signing().signingUrl(), Keys.toChecksumAddress(serving.operator())));
    out.println();
    out.println("To bet from a wallet, add the chain above to it and import this account's key:");
    out.printf(
        "  %s  %s%n", Keys.toChecksumAddress(wallet.address()), LocalChain.publicTestKey(wallet));
    out.println("  (Anvil's PUBLIC test key: use it on this local chain only.)");
    out.println();
    out.println("Press Ctrl-C to stop.");
    out.flush();
  }
}
