package io.enclavelottery.enclave.signer;

import io.enclavelottery.enclave.nsm.Nsm;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The signer's attestation: an NSM document whose {@code user_data} binds the operator address, the
 * chain and the contract, and whose {@code public_key} is the key-injection key, so whoever
 * verifies it knows which enclave image holds which operator for which lottery, and whom to encrypt
 * a key to.
 *
 * <p>{@code user_data} is the UTF-8 of compact JSON with keys in this order (the format shared with
 * the verifier and the UI): {@code
 * {"v":1,"operator":"0x…","chainId":N,"contract":"0x…","secure":true|false}}, followed by {@code
 * "payout":"0x…"} when a payout address is configured (where the signer may send the operator
 * account's ether).
 */
public final class SignerAttestation {

  /** The most nonce bytes a caller may bind (the format's limit). */
  public static final int MAX_NONCE_BYTES = 64;

  private final Nsm nsm;
  private final OperatorKeyCustody keys;
  private final SignerSettings settings;

  public SignerAttestation(Nsm nsm, OperatorKeyCustody keys, SignerSettings settings) {
    this.nsm = Objects.requireNonNull(nsm, "nsm");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * A fresh document for the caller's {@code nonce} (1 to {@value #MAX_NONCE_BYTES} bytes).
   *
   * @return the raw COSE_Sign1 bytes
   */
  public byte[] document(byte[] nonce) {
    Objects.requireNonNull(nonce, "nonce");
    if (nonce.length == 0 || nonce.length > MAX_NONCE_BYTES) {
      throw SignerRefusal.malformed(
          "the nonce must be 1 to " + MAX_NONCE_BYTES + " bytes, not " + nonce.length);
    }
    return nsm.attestation(userData(), nonce, keys.injectionPublicKeyDer());
  }

  /** The {@code user_data} bytes, in the shared format. */
  public byte[] userData() {
    String json =
        "{\"v\":1,\"operator\":\"%s\",\"chainId\":%d,\"contract\":\"%s\",\"secure\":%s%s}"
            .formatted(
                keys.operatorAddress(),
                settings.chainId(),
                settings.contract(),
                nsm.secure(),
                settings.payoutAddress().map(",\"payout\":\"%s\""::formatted).orElse(""));
    return json.getBytes(StandardCharsets.UTF_8);
  }
}
