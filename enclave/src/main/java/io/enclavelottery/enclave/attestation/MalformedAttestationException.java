package io.enclavelottery.enclave.attestation;

/**
 * The bytes given are not an attestation document at all (not base64, not CBOR, not COSE_Sign1, or
 * a payload field of the wrong type), as opposed to a well-formed document that fails verification:
 * callers treat this as unusable input.
 */
public final class MalformedAttestationException extends RuntimeException {

  public MalformedAttestationException(String message) {
    super(message);
  }

  public MalformedAttestationException(String message, Throwable cause) {
    super(message, cause);
  }
}
