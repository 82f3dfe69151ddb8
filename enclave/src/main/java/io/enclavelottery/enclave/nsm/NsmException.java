package io.enclavelottery.enclave.nsm;

/** The Nitro Security Module could not be reached or refused a request. */
public final class NsmException extends RuntimeException {

  public NsmException(String message) {
    super(message);
  }

  public NsmException(String message, Throwable cause) {
    super(message, cause);
  }
}
