package io.enclavelottery.enclave.nsm;

/**
 * The Nitro Security Module as the signer uses it: attestation documents and randomness. The real
 * one is {@code /dev/nsm} inside an enclave; the software one serves development and tests and
 * signs with its own test root, so everything it produces is marked not secure.
 */
public interface Nsm {

  /**
   * A fresh attestation document: the raw COSE_Sign1 bytes, signed by the module, carrying this
   * enclave's PCRs and the three caller-chosen fields.
   *
   * @param userData bound into {@code user_data} (at most 512 bytes), or {@code null}
   * @param nonce bound into {@code nonce} (at most 512 bytes), or {@code null}
   * @param publicKey bound into {@code public_key} (at most 1024 bytes), or {@code null}
   */
  byte[] attestation(byte[] userData, byte[] nonce, byte[] publicKey);

  /** {@code length} bytes from the module's random number generator. */
  byte[] random(int length);

  /** Whether this is a real module inside an enclave; {@code false} for the software NSM. */
  boolean secure();
}
