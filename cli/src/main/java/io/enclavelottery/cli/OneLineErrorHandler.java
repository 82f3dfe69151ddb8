package io.enclavelottery.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every error into one line on standard error, {@code lottery: <reason>}, and an exit code:
 * {@link ExitCodes#UNUSABLE_INPUT} for bad arguments, the command's own code for a {@link
 * CommandFailure}, {@link ExitCodes#FAILED} for anything unexpected. No stack trace, and no
 * argument that may be a private key: unmatched arguments are never echoed, and any 32-byte hex
 * string in a message about the arguments is redacted.
 */
final class OneLineErrorHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {

  private static final Pattern HEX_32_BYTES = Pattern.compile("(0x)?[0-9a-fA-F]{64}");
  private static final Pattern COMMAND_WORD = Pattern.compile("[a-z][a-z-]{0,30}");
  private static final Pattern OPTION_NAME = Pattern.compile("--?[A-Za-z][A-Za-z0-9-]*");
  private static final int MAX_REASON_LENGTH = 400;

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine command = ex.getCommandLine();
    // An unknown option says more than the required ones it displaced ("--oprator" typos).
    List<String> unknown = unknownOptions(command, args);
    String reason;
    if (!unknown.isEmpty()) {
      reason =
          "unknown option " + String.join(", ", unknown.stream().map(o -> "'" + o + "'").toList());
    } else if (ex instanceof UnmatchedArgumentException unmatched) {
      reason = describeUnmatched(command, unmatched);
    } else {
      // picocli quotes the offending value, which may be a key given where it does not belong
      reason = HEX_32_BYTES.matcher(ex.getMessage()).replaceAll("<redacted>");
    }
    boolean strayKey =
        (!unknown.isEmpty() || ex instanceof UnmatchedArgumentException)
            && (Arrays.stream(args).anyMatch(arg -> HEX_32_BYTES.matcher(arg).find())
                || unknown.stream().anyMatch(o -> o.toLowerCase(Locale.ROOT).contains("key")));
    if (strayKey) {
      reason += "; keys are read from the environment or a file, never from arguments";
    }
    String help = command.getCommandSpec().qualifiedName() + " --help";
    print(command.getErr(), reason + " (see '" + help + "')");
    return ExitCodes.UNUSABLE_INPUT;
  }

  @Override
  public int handleExecutionException(Exception ex, CommandLine command, ParseResult parseResult) {
    if (ex instanceof CommandFailure failure) {
      print(command.getErr(), failure.getMessage());
      return failure.exitCode();
    }
    print(command.getErr(), command.getCommandName() + " failed: " + describe(ex));
    return ExitCodes.FAILED;
  }

  /** The message of an exception and its causes, on one line. */
  static String describe(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null && text.length() < MAX_REASON_LENGTH; t = t.getCause()) {
      String message = t.getMessage();
      if (message == null || message.isBlank()) {
        message = t.getClass().getSimpleName();
      }
      if (text.indexOf(message) < 0) {
        text.append(text.length() == 0 ? "" : ": ").append(message);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString();
  }

  // A mistyped command is named; anything else is not echoed, since it may be a key.
  private static String describeUnmatched(CommandLine command, UnmatchedArgumentException ex) {
    List<String> words = ex.getUnmatched();
    boolean commandWord =
        !command.getSubcommands().isEmpty()
            && !words.isEmpty()
            && COMMAND_WORD.matcher(words.get(0)).matches();
    return commandWord ? "unknown command '" + words.get(0) + "'" : "unexpected argument";
  }

  // Option names only (before any '='), never values: a value may be a key.
  private static List<String> unknownOptions(CommandLine command, String[] args) {
    List<String> unknown = new ArrayList<>();
    for (String arg : args) {
      if (arg.equals("--")) {
        break;
      }
      String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
      if (OPTION_NAME.matcher(name).matches()
          && command.getCommandSpec().findOption(name) == null
          && !HEX_32_BYTES.matcher(name).find()) {
        unknown.add(name);
      }
    }
    return unknown;
  }

  private static void print(PrintWriter err, String reason) {
    String line = reason.replaceAll("\\s*\\R\\s*", " ");
    if (line.length() > MAX_REASON_LENGTH) {
      line = line.substring(0, MAX_REASON_LENGTH) + "…";
    }
    err.println("lottery: " + line);
    err.flush();
  }
}
