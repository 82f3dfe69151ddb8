package io.enclavelottery.enclave.attestation;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a document's certificate chain, leaf through {@code cabundle} to a trusted root, with PKIX
 * at a given instant. Revocation is off: AWS publishes no CRL or OCSP for Nitro certificates, whose
 * leaves live only hours.
 */
final class CertificateChainCheck {

  private final TrustedRoots roots;

  CertificateChainCheck(TrustedRoots roots) {
    this.roots = roots;
  }

  /** Why the chain is not valid at {@code at}, or empty when it is. */
  Optional<String> problem(AttestationDocument document, Instant at) {
    X509Certificate root = document.cabundle().get(0);
    if (!roots.trusts(root)) {
      return Optional.of(
          "the certificate chain ends at an untrusted root ("
              + root.getSubjectX500Principal().getName()
              + ", SHA-256 "
              + TrustedRoots.sha256(root)
              + ")");
    }
    // leaf first, then each issuer up to (not including) the root, the order CertPath wants
    List<X509Certificate> path = new ArrayList<>();
    path.add(document.certificate());
    for (int i = document.cabundle().size() - 1; i >= 1; i--) {
      path.add(document.cabundle().get(i));
    }
    List<X509Certificate> all = new ArrayList<>(path);
    all.add(root);
    return outOfValidity(all, at).or(() -> pkixProblem(path, root, at));
  }

  // Said first and plainly: an expired chain is the common failure (old documents, wrong --at).
  private static Optional<String> outOfValidity(List<X509Certificate> chain, Instant at) {
    for (X509Certificate certificate : chain) {
      String subject = certificate.getSubjectX500Principal().getName();
      if (at.isBefore(certificate.getNotBefore().toInstant())) {
        return Optional.of(
            "the certificate chain is not valid at "
                + at
                + ": '"
                + subject
                + "' is valid only from "
                + certificate.getNotBefore().toInstant());
      }
      if (at.isAfter(certificate.getNotAfter().toInstant())) {
        return Optional.of(
            "the certificate chain is not valid at "
                + at
                + ": '"
                + subject
                + "' expired at "
                + certificate.getNotAfter().toInstant());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> pkixProblem(
      List<X509Certificate> path, X509Certificate root, Instant at) {
    try {
      PKIXParameters parameters = new PKIXParameters(Set.of(new TrustAnchor(root, null)));
      parameters.setRevocationEnabled(false);
      parameters.setDate(Date.from(at));
      CertPathValidator.getInstance("PKIX")
          .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
      return Optional.empty();
    } catch (CertPathValidatorException e) {
      return Optional.of("the certificate chain does not verify: " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PKIX validation is not available", e);
    }
  }
}
