package io.enclavelottery.enclave.attestation;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Optional;
import java.util.OptionalInt;

/** Checks a COSE_Sign1 ES384 signature against the leaf certificate's key. */
final class CoseSignatureCheck {

  /** ES384 signatures are {@code r || s}, 48 bytes each; JCA reads that layout as P1363. */
  private static final int ES384_SIGNATURE_LENGTH = 96;

  private static final String ES384_JCA = "SHA384withECDSAinP1363Format";

  private CoseSignatureCheck() {}

  /** Why the signature does not verify, or empty when it does. */
  static Optional<String> problem(CoseSign1 cose, PublicKey key) {
    OptionalInt algorithm = cose.algorithm();
    if (algorithm.isEmpty() || algorithm.getAsInt() != CoseSign1.ES384) {
      return Optional.of(
          "the signature algorithm is "
              + (algorithm.isEmpty() ? "missing" : "COSE " + algorithm.getAsInt())
              + ", not ES384 (COSE -35)");
    }
    if (cose.signature().length != ES384_SIGNATURE_LENGTH) {
      return Optional.of(
          "the signature has " + cose.signature().length + " bytes, not 96 (ES384 r || s)");
    }
    try {
      Signature verifier = Signature.getInstance(ES384_JCA);
      verifier.initVerify(key);
      verifier.update(cose.toBeSigned());
      return verifier.verify(cose.signature())
          ? Optional.empty()
          : Optional.of("the COSE signature does not verify with the leaf certificate's key");
    } catch (InvalidKeyException e) {
      return Optional.of("the leaf certificate's key is not an EC key: " + key.getAlgorithm());
    } catch (GeneralSecurityException e) {
      return Optional.of("the COSE signature does not verify: " + e.getMessage());
    }
  }
}
