package io.enclavelottery.chain.signer;

/**
 * A signer refused a transaction or could not be reached. Its message says why in words and never
 * contains key material or the transaction's data.
 */
public class SigningException extends RuntimeException {

  public SigningException(String message) {
    super(message);
  }

  public SigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
