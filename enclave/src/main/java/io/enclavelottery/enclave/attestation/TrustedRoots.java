package io.enclavelottery.enclave.attestation;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The root certificates a verifier accepts: the AWS Nitro Enclaves root G1, pinned by the SHA-256
 * fingerprint of its DER (a document's {@code cabundle[0]} is trusted only when it hashes to it),
 * and nothing else unless a caller adds a root explicitly (the software NSM's test root, for
 * development). Documents under an added root are never reported secure.
 */
public final class TrustedRoots {

  /** SHA-256 of the DER of the AWS Nitro Enclaves root certificate (G1), as AWS publishes it. */
  public static final String NITRO_ROOT_G1_SHA256 =
      "641a0321a3e244efe456463195d606317ed7cdcc3c1756e09893f3c68f79bb5b";

  private final List<X509Certificate> extraRoots;

  private TrustedRoots(List<X509Certificate> extraRoots) {
    this.extraRoots = List.copyOf(extraRoots);
  }

  /** Only the AWS Nitro root. */
  public static TrustedRoots nitro() {
    return new TrustedRoots(List.of());
  }

  /** These roots and {@code extraRoot} as well, which is not the Nitro root and never secure. */
  public TrustedRoots and(X509Certificate extraRoot) {
    List<X509Certificate> roots = new ArrayList<>(extraRoots);
    roots.add(extraRoot);
    return new TrustedRoots(roots);
  }

  /** Whether {@code root} is the pinned Nitro root or one added explicitly. */
  boolean trusts(X509Certificate root) {
    return isNitro(root) || extraRoots.contains(root);
  }

  /** Whether {@code root} is the pinned AWS Nitro root. */
  boolean isNitro(X509Certificate root) {
    return NITRO_ROOT_G1_SHA256.equals(sha256(root));
  }

  /** The SHA-256 fingerprint of a certificate's DER, lower-case hex. */
  static String sha256(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
      throw new IllegalStateException("cannot fingerprint a certificate", e);
    }
  }
}
