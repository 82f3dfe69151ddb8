package io.enclavelottery.enclave.attestation;

import java.time.Instant;
import java.util.Optional;

/**
 * Verifies Nitro attestation documents: the certificate chain to a trusted root at a given instant,
 * the COSE ES384 signature by the leaf, then the caller's {@link AttestationPolicy}. The first
 * failure is the verdict's reason. Used by the controller before it trusts a signer and by {@code
 * lottery verify-attestation}.
 */
public final class AttestationVerifier {

  private static final String SHA384 = "SHA384";

  private final TrustedRoots roots;
  private final CertificateChainCheck chain;

  public AttestationVerifier(TrustedRoots roots) {
    this.roots = roots;
    this.chain = new CertificateChainCheck(roots);
  }

  /** A verifier that trusts only the pinned AWS Nitro root. */
  public static AttestationVerifier nitro() {
    return new AttestationVerifier(TrustedRoots.nitro());
  }

  /**
   * Parses and verifies a document given as raw COSE_Sign1 bytes or base64.
   *
   * @throws MalformedAttestationException when the bytes are not an attestation document
   */
  public AttestationVerification verify(byte[] rawOrBase64, AttestationPolicy policy, Instant at) {
    return verify(AttestationDocument.parse(rawOrBase64), policy, at);
  }

  /** Verifies a parsed document at {@code at} under {@code policy}. */
  public AttestationVerification verify(
      AttestationDocument document, AttestationPolicy policy, Instant at) {
    Optional<String> reason =
        chain
            .problem(document, at)
            .or(
                () ->
                    CoseSignatureCheck.problem(
                        document.cose(), document.certificate().getPublicKey()))
            .or(() -> digestProblem(document))
            .or(() -> policy.violation(document, at));
    boolean secure = roots.isNitro(document.cabundle().get(0)) && !document.debugMode();
    return AttestationVerification.of(document, reason, secure, at);
  }

  private static Optional<String> digestProblem(AttestationDocument document) {
    return SHA384.equals(document.digest())
        ? Optional.empty()
        : Optional.of("the PCR digest is " + document.digest() + ", not " + SHA384);
  }
}
