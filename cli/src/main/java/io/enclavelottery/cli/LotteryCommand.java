package io.enclavelottery.cli;

import ch.qos.logback.classic.Level;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IFactory;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code lottery} command, entry point of the runnable jar. Its subcommands wire the project's
 * modules into processes; every error ends as one line on standard error and an exit code (see
 * {@link ExitCodes}).
 */
@Command(
    name = "lottery",
    mixinStandardHelpOptions = true,
    versionProvider = BuildVersion.class,
    description =
        "Provably fair on-chain lotteries on Ethereum, kept by an operator you can audit.",
    subcommands = {
      DevCommand.class,
      ChainCommand.class,
      DeployCommand.class,
      RunCommand.class,
      OperatorCommand.class,
      ServeCommand.class,
      SignerCommand.class,
      VerifyAttestationCommand.class,
      VerifyDrawCommand.class
    },
    footer = {
      "",
      "Keys are read from environment variables or files, never from arguments.",
      "Exit codes: 0 done, 1 failed (verify-draw: the draw does not verify), 2 unusable input."
    })
public final class LotteryCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** The command line with its converters and one-line error handling. */
  public static CommandLine newCommandLine() {
    return newCommandLine(System::getenv);
  }

  /**
   * The command line, reading environment variables (such as the publisher's key) through {@code
   * environment}: tests run it in-process with an environment of their own.
   */
  static CommandLine newCommandLine(Function<String, String> environment) {
    OneLineErrorHandler errors = new OneLineErrorHandler();
    return new CommandLine(LotteryCommand.class, new CommandFactory(environment))
        .registerConverter(EthAddress.class, new EthAddress.Converter())
        .registerConverter(RpcUrl.class, new RpcUrl.Converter())
        .setParameterExceptionHandler(errors)
        .setExecutionExceptionHandler(errors);
  }

  @Option(
      names = {"-v", "--verbose"},
      scope = ScopeType.INHERIT,
      description = "Log progress to standard output (APP_LOG_LEVEL sets the level of all logs).")
  void setVerbose(boolean verbose) {
    if (verbose
        && LoggerFactory.getLogger("io.enclavelottery")
            instanceof ch.qos.logback.classic.Logger logger) {
      logger.setLevel(Level.INFO);
    }
  }

  /** Creates the commands, handing the environment to those that read it. */
  private record CommandFactory(Function<String, String> environment) implements IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type == DeployCommand.class) {
        return type.cast(new DeployCommand(environment));
      }
      if (type == RunCommand.class) {
        return type.cast(new RunCommand(environment));
      }
      if (type == OperatorCommand.class) {
        return type.cast(new OperatorCommand(environment));
      }
      if (type == ServeCommand.class) {
        return type.cast(new ServeCommand(environment));
      }
      if (type == SignerCommand.class) {
        return type.cast(new SignerCommand(environment));
      }
      return CommandLine.defaultFactory().create(type);
    }
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "missing command: one of "
            + String.join(", ", spec.commandLine().getSubcommands().keySet())
            + " (--help says what each does)");
  }
}
