package io.enclavelottery.cli;

/**
 * An expected failure of a command, reported as one line ({@code lottery: <message>}) and an exit
 * code, without a stack trace. The message is for the user: it never contains key material.
 */
final class CommandFailure extends RuntimeException {

  private final int exitCode;

  CommandFailure(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  CommandFailure(int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A failure caused by input the command cannot use. */
  static CommandFailure unusableInput(String message) {
    return new CommandFailure(ExitCodes.UNUSABLE_INPUT, message);
  }

  int exitCode() {
    return exitCode;
  }
}
