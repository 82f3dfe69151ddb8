package io.enclavelottery.frontend.http;

/**
 * Where attestation documents come from: the enclave signer, when one is configured. Called on a
 * {@link ChainReadPool} thread, never on an I/O thread, so it may block briefly.
 */
@FunctionalInterface
public interface AttestationSource {

  /** A fresh attestation document (CBOR COSE_Sign1) whose nonce is the caller's. */
  byte[] attest(byte[] nonce);
}
