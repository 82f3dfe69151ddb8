package io.enclavelottery.enclave.signer;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The injection scheme exactly as docs/ENCLAVE.md and {@link InjectionCipher} describe it, written
 * with the JDK's own primitives only: if it interoperates with {@link InjectionCipher}, the
 * description is what BouncyCastle does, and a publisher can implement it anywhere.
 */
final class DocumentedEcies {

  private static final int COORDINATE = 48;
  private static final int MAC_KEY = 32;
  private static final int TAG = 32;

  private DocumentedEcies() {}

  static byte[] encrypt(byte[] recipientDer, byte[] message) throws GeneralSecurityException {
    PublicKey recipient =
        KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(recipientDer));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    KeyPair ephemeral = generator.generateKeyPair();
    byte[] v = uncompressed(((ECPublicKey) ephemeral.getPublic()).getW());
    byte[] z = agree(ephemeral.getPrivate(), recipient);
    byte[] k = kdf2(concat(v, z), MAC_KEY + message.length);
    byte[] k2 = Arrays.copyOfRange(k, 0, MAC_KEY);
    byte[] c = new byte[message.length];
    for (int i = 0; i < c.length; i++) {
      c[i] = (byte) (message[i] ^ k[MAC_KEY + i]);
    }
    return concat(v, c, tag(k2, c));
  }

  static byte[] decrypt(KeyPair recipient, byte[] ciphertext) throws GeneralSecurityException {
    int pointLength = 1 + 2 * COORDINATE;
    byte[] v = Arrays.copyOfRange(ciphertext, 0, pointLength);
    byte[] c = Arrays.copyOfRange(ciphertext, pointLength, ciphertext.length - TAG);
    byte[] t = Arrays.copyOfRange(ciphertext, ciphertext.length - TAG, ciphertext.length);
    ECPoint point =
        new ECPoint(
            new BigInteger(1, Arrays.copyOfRange(v, 1, 1 + COORDINATE)),
            new BigInteger(1, Arrays.copyOfRange(v, 1 + COORDINATE, pointLength)));
    PublicKey ephemeral =
        KeyFactory.getInstance("EC")
            .generatePublic(
                new ECPublicKeySpec(point, ((ECPublicKey) recipient.getPublic()).getParams()));
    byte[] k = kdf2(concat(v, agree(recipient.getPrivate(), ephemeral)), MAC_KEY + c.length);
    if (!MessageDigest.isEqual(t, tag(Arrays.copyOfRange(k, 0, MAC_KEY), c))) {
      throw new GeneralSecurityException("tag mismatch");
    }
    byte[] m = new byte[c.length];
    for (int i = 0; i < m.length; i++) {
      m[i] = (byte) (c[i] ^ k[MAC_KEY + i]);
    }
    return m;
  }

  static KeyPair recipientKeys() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp384r1"));
    return generator.generateKeyPair();
  }

  private static byte[] agree(PrivateKey ours, PublicKey theirs) throws GeneralSecurityException {
    KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
    agreement.init(ours);
    agreement.doPhase(theirs, true);
    return agreement.generateSecret();
  }

  /**
   * KDF2 (ISO 18033-2) with SHA-256: SHA256(input ‖ counter), counter from 1, 4 bytes big-endian.
   */
  private static byte[] kdf2(byte[] input, int length) throws GeneralSecurityException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int counter = 1; out.size() < length; counter++) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(input);
      sha256.update(ByteBuffer.allocate(4).putInt(counter).array());
      out.writeBytes(sha256.digest());
    }
    return Arrays.copyOf(out.toByteArray(), length);
  }

  private static byte[] tag(byte[] key, byte[] c) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    mac.update(c);
    mac.update(new byte[8]);
    return mac.doFinal();
  }

  private static byte[] uncompressed(ECPoint point) {
    return concat(new byte[] {0x04}, fixed(point.getAffineX()), fixed(point.getAffineY()));
  }

  private static byte[] fixed(BigInteger coordinate) {
    byte[] raw = coordinate.toByteArray();
    byte[] out = new byte[COORDINATE];
    int copy = Math.min(raw.length, COORDINATE);
    System.arraycopy(raw, raw.length - copy, out, COORDINATE - copy, copy);
    return out;
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
