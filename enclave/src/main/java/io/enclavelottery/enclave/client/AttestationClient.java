package io.enclavelottery.enclave.client;

import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Fetches attestation documents from the signer's attestation port, each bound to the caller's own
 * nonce, so that a replayed document fails the verifier's nonce check.
 */
public final class AttestationClient {

  private final SignerHttp http;

  /**
   * @param attestationUrl the signer's attestation port, e.g. {@code http://signer:7001/}
   * @param timeout for connecting and for each call
   */
  public AttestationClient(URI attestationUrl, Duration timeout) {
    this.http = new SignerHttp(attestationUrl, timeout);
  }

  /**
   * A fresh document for {@code nonce} (1 to 64 bytes): the raw COSE_Sign1 bytes, to verify with
   * {@code io.enclavelottery.enclave.attestation}.
   *
   * @throws SignerCallFailed when the signer refuses or cannot be reached
   */
  public byte[] fetch(byte[] nonce) {
    Objects.requireNonNull(nonce, "nonce");
    if (nonce.length == 0 || nonce.length > 64) {
      throw new IllegalArgumentException("a nonce is 1 to 64 bytes, not " + nonce.length);
    }
    return http.getBytes("attestation?nonce=" + HexFormat.of().formatHex(nonce));
  }
}
