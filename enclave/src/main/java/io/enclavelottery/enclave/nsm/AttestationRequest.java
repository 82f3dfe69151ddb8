package io.enclavelottery.enclave.nsm;

/**
 * The three caller-chosen fields of an attestation request, checked against the limits the NSM
 * enforces, so both NSMs refuse oversized input with the same clear message.
 *
 * @param userData bound into {@code user_data}, or {@code null}
 * @param nonce bound into {@code nonce}, or {@code null}
 * @param publicKey bound into {@code public_key}, or {@code null}
 */
record AttestationRequest(byte[] userData, byte[] nonce, byte[] publicKey) {

  static final int MAX_USER_DATA = 512;
  static final int MAX_NONCE = 512;
  static final int MAX_PUBLIC_KEY = 1024;

  AttestationRequest {
    checkLength("user data", userData, MAX_USER_DATA);
    checkLength("nonce", nonce, MAX_NONCE);
    checkLength("public key", publicKey, MAX_PUBLIC_KEY);
  }

  private static void checkLength(String name, byte[] value, int max) {
    if (value != null && value.length > max) {
      throw new IllegalArgumentException(
          "the attestation " + name + " has " + value.length + " bytes, more than " + max);
    }
  }
}
