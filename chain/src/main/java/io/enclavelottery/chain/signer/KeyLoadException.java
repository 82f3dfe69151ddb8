package io.enclavelottery.chain.signer;

/**
 * A private key could not be loaded. The message names where it was looked for (a variable's name,
 * a file's path) and what was wrong, never the text that was found there.
 */
public class KeyLoadException extends RuntimeException {

  public KeyLoadException(String message) {
    super(message);
  }
}
