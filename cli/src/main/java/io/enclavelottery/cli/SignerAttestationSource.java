package io.enclavelottery.cli;

import io.enclavelottery.enclave.client.AttestationClient;
import io.enclavelottery.enclave.client.SignerCallFailed;
import io.enclavelottery.frontend.http.AttestationSource;
import io.enclavelottery.frontend.http.HttpProblem;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * The feed's {@code /api/attestation?nonce=}: passes the browser's own nonce to the enclave
 * signer's attestation port and returns its document untouched, for the page to verify itself. A
 * signer that cannot be reached or refuses is a 502 with its reason.
 */
final class SignerAttestationSource implements AttestationSource {

  private final AttestationClient client;

  SignerAttestationSource(URI attestationUrl, Duration timeout) {
    this.client = new AttestationClient(Objects.requireNonNull(attestationUrl), timeout);
  }

  @Override
  public byte[] attest(byte[] nonce) {
    try {
      return client.fetch(nonce);
    } catch (SignerCallFailed e) {
      throw new HttpProblem(502, "the signer gave no attestation document: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw HttpProblem.badRequest(e.getMessage());
    }
  }
}
