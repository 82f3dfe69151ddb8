package io.enclavelottery.cli;

import io.enclavelottery.chain.contract.ChainUnavailableException;
import io.enclavelottery.chain.contract.ContractCallException;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.events.Web3jLotteryEventLog;
import io.enclavelottery.chain.verify.DrawVerification;
import io.enclavelottery.chain.verify.DrawVerifier;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lottery verify-draw}: re-does a round's draw from chain data alone, for auditors. Exits 0
 * when it verifies, 1 when it does not (or the round was not drawn), 2 on unusable input.
 */
@Command(
    name = "verify-draw",
    mixinStandardHelpOptions = true,
    description = {
      "Recomputes a round's winner from chain data alone: checks that the revealed seed matches"
          + " the commitment made before betting closed, derives the winning point from the seed"
          + " and the round, finds the bet it falls in, and compares with the winner on chain.",
      "Exit code 0 when the draw verifies, 1 when it does not or the round was not drawn,"
          + " 2 on unusable input (bad arguments, unreachable RPC, no contract at the address)."
    })
final class VerifyDrawCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(
      names = "--rpc",
      required = true,
      paramLabel = "URL",
      description = "JSON-RPC endpoint of the chain: http(s):// or ws(s)://.")
  private RpcUrl rpc;

  @Option(
      names = "--contract",
      required = true,
      paramLabel = "ADDRESS",
      description = "The lottery contract's address.")
  private EthAddress contract;

  @Option(names = "--round", required = true, paramLabel = "N", description = "The round, from 1.")
  private long round;

  @Option(
      names = "--from-block",
      defaultValue = "0",
      paramLabel = "BLOCK",
      description =
          "First block searched for the round's RoundCompleted event; the contract's deployment"
              + " block spares a long node a long search (default: ${DEFAULT-VALUE}).")
  private long fromBlock;

  @Option(names = "--json", description = "Print the result as one JSON document.")
  private boolean json;

  @Override
  public Integer call() {
    if (round < 1) {
      throw new ParameterException(spec.commandLine(), "--round must be 1 or more");
    }
    if (fromBlock < 0) {
      throw new ParameterException(spec.commandLine(), "--from-block must not be negative");
    }
    DrawVerification verification;
    try (RpcConnection connection = RpcConnection.open(rpc)) {
      verification = verify(connection);
    }
    DrawVerificationReport report = new DrawVerificationReport(verification);
    spec.commandLine().getOut().print(json ? report.json() : report.text());
    spec.commandLine().getOut().flush();
    return verification.matches() ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private DrawVerification verify(RpcConnection connection) {
    String url = connection.url().uri().toString();
    Web3jLotteryContract lottery =
        new Web3jLotteryContract(connection.web3j(), url, contract.value());
    try {
      if (!lottery.hasCode()) {
        throw CommandFailure.unusableInput(
            "there is no contract at " + contract + " on chain " + connection.chainId());
      }
      return new DrawVerifier(
              lottery,
              new Web3jLotteryEventLog(connection.web3j(), url, contract.value()),
              fromBlock)
          .verify(round);
    } catch (ChainUnavailableException e) {
      throw CommandFailure.unusableInput(e.getMessage());
    } catch (ContractCallException e) {
      throw CommandFailure.unusableInput(
          "the contract at " + contract + " does not answer as a lottery: " + e.getMessage());
    }
  }
}
