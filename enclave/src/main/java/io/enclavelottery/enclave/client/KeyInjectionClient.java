package io.enclavelottery.enclave.client;

import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.enclave.signer.InjectionCipher;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.web3j.utils.Numeric;

/**
 * The publisher's side of key injection: encrypts an operator key to the signer's injection key
 * ({@link InjectionCipher}) and posts it. The injection key should be the {@code public_key} of an
 * attestation document the publisher has verified (PCRs, nonce); {@link #publicKey()} reads the
 * signer's unauthenticated copy, for development.
 */
public final class KeyInjectionClient {

  private final SignerHttp http;
  private final SecureRandom random;

  public KeyInjectionClient(URI signingUrl, Duration timeout, SecureRandom random) {
    this.http = new SignerHttp(signingUrl, timeout);
    this.random = Objects.requireNonNull(random, "random");
  }

  /** The signer's injection public key, X.509 SubjectPublicKeyInfo DER. */
  public byte[] publicKey() {
    return Numeric.hexStringToByteArray(http.get("api/get_pub_key").path("publicKey").asText());
  }

  /**
   * Encrypts {@code key} to {@code injectionPublicKeyDer} and hands it to the signer.
   *
   * @return the operator address the signer now signs for
   * @throws SignerCallFailed when the signer refuses (already injected, wrong address, …)
   */
  public String inject(SigningKey key, byte[] injectionPublicKeyDer) {
    byte[] secret = Numeric.toBytesPadded(key.credentials().getEcKeyPair().getPrivateKey(), 32);
    try {
      byte[] ciphertext = InjectionCipher.encrypt(injectionPublicKeyDer, secret, random);
      return http.post(
              "api/set_operator_key", Map.of("encryptedKey", Numeric.toHexString(ciphertext)))
          .path("operator")
          .asText();
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }
}
