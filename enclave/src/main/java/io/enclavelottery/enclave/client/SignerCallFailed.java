package io.enclavelottery.enclave.client;

import io.enclavelottery.chain.signer.SigningException;

/**
 * A call to the enclave signer failed: it refused (with its reason), or could not be reached
 * ({@link #status()} 0). A {@link SigningException}, so code that signs through {@link
 * RemoteSigner} handles it as any signer's refusal.
 */
public class SignerCallFailed extends SigningException {

  private final int status;

  public SignerCallFailed(int status, String message) {
    super(message);
    this.status = status;
  }

  /** The HTTP status of the refusal; 0 when the signer was not reached or answered garbage. */
  public int status() {
    return status;
  }

  /** Whether the signer answered that it does not hold what was asked for (a round's seed). */
  public boolean notHeld() {
    return status == 404;
  }
}
