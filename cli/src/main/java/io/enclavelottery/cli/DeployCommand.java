package io.enclavelottery.cli;

import io.enclavelottery.chain.contract.ChainUnavailableException;
import io.enclavelottery.chain.contract.ContractCallException;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.contract.LotteryDeployer.Deployment;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.signer.SigningKey;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.utils.Convert;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code lottery deploy}: deploys the lottery with the publisher's key, sets its operator and
 * deposits the operator's bond, then prints the contract's address alone on the last line of
 * standard output, for scripts ({@code addr=$(lottery deploy … | tail -1)}).
 */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = {
      "Deploys the lottery contract, sets its operator and deposits the operator's bond.",
      "The publisher (deployer, receives the commission) signs with the key in "
          + PublisherKeyOptions.ENV_VAR
          + " or --publisher-key-file; no option takes the key itself.",
      "Prints the contract's address alone on the last line of standard output."
    })
final class DeployCommand implements Callable<Integer> {

  // The contract's own bounds, checked here first so that a mistake costs no gas.
  static final int MAX_COMMISSION_BPS = 1_000;
  static final int MAX_REVEAL_PENALTY_BPS = 10_000;
  static final long MIN_OPERATOR_CHANGE_DELAY = 60;
  static final long MAX_OPERATOR_CHANGE_DELAY = Duration.ofDays(30).toSeconds();

  private static final Logger LOG = LoggerFactory.getLogger(DeployCommand.class);

  private final Function<String, String> environment;

  @Spec private CommandSpec spec;

  @Mixin private PublisherKeyOptions publisherKey;

  @Option(
      names = "--rpc",
      required = true,
      paramLabel = "URL",
      description = "JSON-RPC endpoint of the chain: http(s):// or ws(s)://.")
  private RpcUrl rpc;

  @Option(
      names = "--operator",
      required = true,
      paramLabel = "ADDRESS",
      description = "The operator who runs the rounds; not the publisher.")
  private EthAddress operator;

  @Option(
      names = "--commission",
      defaultValue = "500",
      paramLabel = "BPS",
      description =
          "The publisher's commission on every pot, in basis points, 0 to 1000"
              + " (default: ${DEFAULT-VALUE}, 5 %%).")
  private int commissionBps;

  @Option(
      names = "--reveal-penalty-bps",
      defaultValue = "1000",
      paramLabel = "BPS",
      description =
          "Share of a pot taken from the bond for its players when the operator withholds the"
              + " reveal, in basis points, 0 to 10000 (default: ${DEFAULT-VALUE}, 10 %%).")
  private int revealPenaltyBps;

  @Option(
      names = "--bond",
      defaultValue = "1",
      paramLabel = "ETH",
      description =
          "Operator's bond deposited by the publisher, in ether; pots are capped at"
              + " bond / penalty (default: ${DEFAULT-VALUE}, so pots up to 10 ETH).")
  private BigDecimal bondEther;

  @Option(
      names = "--operator-change-delay",
      defaultValue = "86400",
      paramLabel = "SECONDS",
      description =
          "How long players are warned before a newly proposed operator takes over, 60 to"
              + " 2592000 (default: ${DEFAULT-VALUE}, a day; a dev chain may use 60).")
  private long operatorChangeDelaySeconds;

  DeployCommand() {
    this(System::getenv);
  }

  DeployCommand(Function<String, String> environment) {
    this.environment = Objects.requireNonNull(environment, "environment");
  }

  @Override
  public Integer call() {
    BigInteger bond = validatedBond();
    validateRanges(bond);
    SigningKey publisher = publisherKey.load(environment);
    if (publisher.address().equals(operator.value())) {
      throw new ParameterException(
          spec.commandLine(),
          "--operator must differ from the publisher (the key's account " + operator + ")");
    }
    LotteryDeployer.Options options =
        new LotteryDeployer.Options(
            operator.value(),
            commissionBps,
            revealPenaltyBps,
            Duration.ofSeconds(operatorChangeDelaySeconds),
            bond);
    String address;
    try (RpcConnection connection = RpcConnection.open(rpc)) {
      checkBalance(connection, publisher, bond);
      address = deploy(connection, publisher, options);
    }
    spec.commandLine().getOut().println(address);
    spec.commandLine().getOut().flush();
    return ExitCodes.OK;
  }

  private String deploy(
      RpcConnection connection, SigningKey publisher, LotteryDeployer.Options options) {
    LOG.info(
        "deploying the lottery on chain {} from publisher {}, operator {}",
        connection.chainId(),
        publisher.address(),
        options.operator());
    Deployment deployment;
    try {
      deployment =
          new LotteryDeployer(connection.web3j(), connection.url().uri().toString())
              .deploy(publisher, options);
    } catch (ContractCallException | ChainUnavailableException | IllegalStateException e) {
      throw new CommandFailure(ExitCodes.FAILED, "deployment failed: " + e.getMessage(), e);
    }
    LOG.info(
        "deployed at {} in block {} (transaction {})",
        deployment.address(),
        deployment.blockNumber(),
        deployment.transactionHash());
    confirm(connection, deployment.address(), options);
    return deployment.address();
  }

  // Reads back what the chain now says, so a printed address is a working lottery.
  private void confirm(RpcConnection connection, String address, LotteryDeployer.Options options) {
    LotterySettings settings;
    try {
      settings =
          new Web3jLotteryContract(connection.web3j(), connection.url().uri().toString(), address)
              .settings();
    } catch (ContractCallException | ChainUnavailableException e) {
      throw new CommandFailure(
          ExitCodes.FAILED,
          "deployed at " + address + " but could not read it back: " + e.getMessage(),
          e);
    }
    if (!settings.operator().equals(options.operator())
        || settings.operatorBond().compareTo(options.bond()) < 0) {
      throw new CommandFailure(
          ExitCodes.FAILED,
          "deployed at "
              + address
              + " but it reports operator "
              + settings.operator()
              + " and a bond of "
              + settings.operatorBond()
              + " wei");
    }
    LOG.info(
        "operator {}, bond {} ETH, {}, commission {} bps, reveal penalty {} bps",
        settings.operator(),
        ether(settings.operatorBond()),
        settings.revealPenaltyBps() == 0
            ? "pots without cap"
            : "pots up to " + ether(settings.maxPot()) + " ETH",
        settings.publisherCommissionBps(),
        settings.revealPenaltyBps());
  }

  private BigInteger validatedBond() {
    if (bondEther.signum() < 0) {
      throw new ParameterException(spec.commandLine(), "--bond must not be negative");
    }
    try {
      return Convert.toWei(bondEther, Convert.Unit.ETHER).toBigIntegerExact();
    } catch (ArithmeticException e) {
      throw new ParameterException(spec.commandLine(), "--bond has more than 18 decimals");
    }
  }

  private void validateRanges(BigInteger bond) {
    if (commissionBps < 0 || commissionBps > MAX_COMMISSION_BPS) {
      throw new ParameterException(
          spec.commandLine(), "--commission must be within 0..1000 basis points (at most 10 %)");
    }
    if (revealPenaltyBps < 0 || revealPenaltyBps > MAX_REVEAL_PENALTY_BPS) {
      throw new ParameterException(
          spec.commandLine(), "--reveal-penalty-bps must be within 0..10000 basis points");
    }
    if (operatorChangeDelaySeconds < MIN_OPERATOR_CHANGE_DELAY
        || operatorChangeDelaySeconds > MAX_OPERATOR_CHANGE_DELAY) {
      throw new ParameterException(
          spec.commandLine(),
          "--operator-change-delay must be within 60..2592000 seconds (30 days)");
    }
    if (operator.equals(EthAddress.ZERO)) {
      throw new ParameterException(spec.commandLine(), "--operator must not be the zero address");
    }
    if (bond.signum() == 0 && revealPenaltyBps > 0) {
      throw new ParameterException(
          spec.commandLine(),
          "--bond 0 with a reveal penalty caps every pot at zero, so no bet could be placed"
              + " (give a bond, or --reveal-penalty-bps 0)");
    }
  }

  private static void checkBalance(
      RpcConnection connection, SigningKey publisher, BigInteger bond) {
    BigInteger balance;
    try {
      balance =
          connection
              .web3j()
              .ethGetBalance(publisher.address(), DefaultBlockParameterName.LATEST)
              .send()
              .getBalance();
    } catch (IOException | RuntimeException e) {
      throw new CommandFailure(
          ExitCodes.FAILED,
          "could not read the publisher's balance: " + OneLineErrorHandler.describe(e),
          e);
    }
    if (balance.compareTo(bond) <= 0) {
      throw new CommandFailure(
          ExitCodes.FAILED,
          "the publisher "
              + publisher.address()
              + " holds "
              + ether(balance)
              + " ETH, not enough for the "
              + ether(bond)
              + " ETH bond and the gas");
    }
  }

  private static String ether(BigInteger wei) {
    return Convert.fromWei(new BigDecimal(wei), Convert.Unit.ETHER)
        .stripTrailingZeros()
        .toPlainString();
  }
}
