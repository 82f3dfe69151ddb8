package io.enclavelottery.enclave.signer;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.IESEngine;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.generators.EphemeralKeyPairGenerator;
import org.bouncycastle.crypto.generators.KDF2BytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.IESParameters;
import org.bouncycastle.crypto.parsers.ECIESPublicKeyParser;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * ECIES on secp384r1 with BouncyCastle's {@link IESEngine}, the scheme an operator key is encrypted
 * with before it is injected into the signer. A publisher encrypts with {@link #encrypt} (or any
 * implementation of the same steps); only the enclave, which holds the private half, can decrypt.
 *
 * <p>The exact scheme (docs/ENCLAVE.md repeats it), for a plaintext {@code M}:
 *
 * <ol>
 *   <li>Generate an ephemeral P-384 key pair; {@code V} is its public point, uncompressed SEC1 (97
 *       bytes, starting {@code 0x04}).
 *   <li>{@code Z} = the ECDH shared secret with the signer's key: the x-coordinate, 48 bytes
 *       big-endian.
 *   <li>{@code K} = KDF2 with SHA-256 (ISO 18033-2: {@code SHA256(V‖Z‖counter)}, a 4-byte
 *       big-endian counter from 1) over {@code V‖Z}, {@code 32 + len(M)} bytes; the MAC key {@code
 *       K2} is its first 32 bytes, the stream key {@code K1} the rest.
 *   <li>{@code C = M XOR K1}; {@code T = HMAC-SHA256(K2, C ‖ 0x0000000000000000)} (the 8-byte
 *       length tag of an absent encoding vector).
 *   <li>The ciphertext is {@code V ‖ C ‖ T}.
 * </ol>
 */
public final class InjectionCipher {

  /** secp384r1 with its name, so that public keys encode with the curve's OID. */
  static final ECDomainParameters CURVE =
      new ECNamedDomainParameters(
          SECObjectIdentifiers.secp384r1, ECNamedCurveTable.getByName("secp384r1"));

  /** No derivation or encoding vector; a 256-bit MAC key. */
  private static final IESParameters PARAMETERS = new IESParameters(null, null, 256);

  private InjectionCipher() {}

  /**
   * Encrypts {@code plaintext} to the signer whose injection key is {@code publicKeyDer}.
   *
   * @param publicKeyDer a secp384r1 public key as X.509 SubjectPublicKeyInfo DER (what {@code GET
   *     /api/get_pub_key} and the attestation's {@code public_key} carry)
   * @throws IllegalArgumentException when it is not such a key
   */
  public static byte[] encrypt(byte[] publicKeyDer, byte[] plaintext, SecureRandom random) {
    Objects.requireNonNull(plaintext, "plaintext");
    ECPublicKeyParameters recipient = parsePublicKey(publicKeyDer);
    ECKeyPairGenerator ephemeral = new ECKeyPairGenerator();
    ephemeral.init(new ECKeyGenerationParameters(recipient.getParameters(), random));
    IESEngine engine = engine();
    engine.init(
        recipient,
        PARAMETERS,
        new EphemeralKeyPairGenerator(
            ephemeral, key -> ((ECPublicKeyParameters) key).getQ().getEncoded(false)));
    try {
      return engine.processBlock(plaintext, 0, plaintext.length);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("ECIES encryption failed", e);
    }
  }

  /** A fresh P-384 key pair for receiving injected keys. */
  static AsymmetricCipherKeyPair generateKeyPair(SecureRandom random) {
    ECKeyPairGenerator generator = new ECKeyPairGenerator();
    generator.init(new ECKeyGenerationParameters(CURVE, random));
    return generator.generateKeyPair();
  }

  /** The public half as X.509 SubjectPublicKeyInfo DER. */
  static byte[] publicKeyDer(AsymmetricKeyParameter publicKey) {
    try {
      return SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(publicKey).getEncoded("DER");
    } catch (IOException e) {
      throw new IllegalStateException("could not encode the injection public key", e);
    }
  }

  /**
   * Decrypts what {@link #encrypt} produced for {@code privateKey}'s public half.
   *
   * @throws InvalidCipherTextException when the tag does not verify or the input is malformed
   */
  static byte[] decrypt(ECPrivateKeyParameters privateKey, byte[] ciphertext)
      throws InvalidCipherTextException {
    IESEngine engine = engine();
    engine.init(privateKey, PARAMETERS, new ECIESPublicKeyParser(CURVE));
    try {
      return engine.processBlock(ciphertext, 0, ciphertext.length);
    } catch (IllegalArgumentException | IllegalStateException e) {
      // a malformed ephemeral point surfaces as an unchecked exception from the curve code
      throw new InvalidCipherTextException("malformed ciphertext");
    }
  }

  private static ECPublicKeyParameters parsePublicKey(byte[] der) {
    Objects.requireNonNull(der, "public key");
    AsymmetricKeyParameter key;
    try {
      key = PublicKeyFactory.createKey(der);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("not an X.509 SubjectPublicKeyInfo public key");
    }
    if (!(key instanceof ECPublicKeyParameters ec)
        || !ec.getParameters().getCurve().equals(CURVE.getCurve())) {
      throw new IllegalArgumentException("the injection key must be a secp384r1 EC public key");
    }
    return ec;
  }

  private static IESEngine engine() {
    return new IESEngine(
        new ECDHBasicAgreement(),
        new KDF2BytesGenerator(new SHA256Digest()),
        new HMac(new SHA256Digest()));
  }
}
