package io.enclavelottery.frontend;

/** The server cannot start: the node, the chain or the contract is not what was configured. */
public final class StartupException extends RuntimeException {

  public StartupException(String message) {
    super(message);
  }

  public StartupException(String message, Throwable cause) {
    super(message, cause);
  }
}
