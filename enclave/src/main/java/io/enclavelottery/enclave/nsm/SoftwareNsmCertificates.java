package io.enclavelottery.enclave.nsm;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The software NSM's P-384 test root and the leaf it signs documents with, generated per instance.
 * The root says {@code O=NOT SECURE} in its name, so nobody mistakes it for AWS's.
 *
 * @param root the self-signed test root
 * @param leaf the leaf certificate, issued by the root to the module id
 * @param leafKey the leaf's private key
 */
record SoftwareNsmCertificates(X509Certificate root, X509Certificate leaf, PrivateKey leafKey) {

  static final String ROOT_NAME = "CN=Enclave Lottery software NSM test root, O=NOT SECURE";

  /** Starts a little before creation, so verifiers whose clocks lag a bit still accept it. */
  private static final Duration BACKDATING = Duration.ofMinutes(5);

  private static final Duration ROOT_LIFETIME = Duration.ofDays(3650);
  private static final Duration LEAF_LIFETIME = Duration.ofDays(365);
  private static final String SIGNATURE_ALGORITHM = "SHA384withECDSA";

  /** A new root and a leaf for {@code moduleId}, both valid from {@code now}. */
  static SoftwareNsmCertificates issue(String moduleId, Instant now, SecureRandom random) {
    try {
      KeyPair rootKeys = p384(random);
      KeyPair leafKeys = p384(random);
      Instant from = now.minus(BACKDATING);
      X500Principal rootName = new X500Principal(ROOT_NAME);
      X509Certificate root =
          sign(
              new JcaX509v3CertificateBuilder(
                      rootName,
                      serial(random),
                      Date.from(from),
                      Date.from(now.plus(ROOT_LIFETIME)),
                      rootName,
                      rootKeys.getPublic())
                  .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                  .addExtension(
                      Extension.keyUsage,
                      true,
                      new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)),
              rootKeys.getPrivate());
      X509Certificate leaf =
          sign(
              new JcaX509v3CertificateBuilder(
                      rootName,
                      serial(random),
                      Date.from(from),
                      Date.from(now.plus(LEAF_LIFETIME)),
                      new X500Principal("CN=" + moduleId + ", O=NOT SECURE"),
                      leafKeys.getPublic())
                  .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                  .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature)),
              rootKeys.getPrivate());
      return new SoftwareNsmCertificates(root, leaf, leafKeys.getPrivate());
    } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
      throw new IllegalStateException("cannot create the software NSM's certificates", e);
    }
  }

  /** Names the certificates only: the leaf's private key never reaches a log line. */
  @Override
  public String toString() {
    return "SoftwareNsmCertificates[root="
        + root.getSubjectX500Principal().getName()
        + ", leaf="
        + leaf.getSubjectX500Principal().getName()
        + "]";
  }

  /** The root as PEM text. */
  String rootPem() {
    try {
      return "-----BEGIN CERTIFICATE-----\n"
          + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(root.getEncoded())
          + "\n-----END CERTIFICATE-----\n";
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot encode the software NSM's root", e);
    }
  }

  private static KeyPair p384(SecureRandom random) throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"), random);
    return generator.generateKeyPair();
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(64, random).add(BigInteger.ONE);
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey issuerKey)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(
            builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(issuerKey)));
  }
}
