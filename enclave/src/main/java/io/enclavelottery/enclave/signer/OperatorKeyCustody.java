package io.enclavelottery.enclave.signer;

import io.enclavelottery.chain.signer.SigningKey;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * Holds the operator key inside the signer. By default the key is generated here from the NSM's
 * randomness and never leaves; otherwise it is injected once, encrypted to this signer's P-384
 * injection key ({@link InjectionCipher}), and must be the configured operator's. Every later
 * injection is refused, so whoever reaches the port afterwards cannot swap the key.
 */
public final class OperatorKeyCustody {

  private static final BigInteger SECP256K1_ORDER = Sign.CURVE_PARAMS.getN();

  private final AsymmetricCipherKeyPair injectionKeys;
  private final byte[] injectionPublicKeyDer;
  private final String operatorAddress;
  private final boolean generated;
  private volatile SigningKey key;

  private OperatorKeyCustody(
      AsymmetricCipherKeyPair injectionKeys, String operatorAddress, SigningKey key) {
    this.injectionKeys = injectionKeys;
    this.injectionPublicKeyDer = InjectionCipher.publicKeyDer(injectionKeys.getPublic());
    this.operatorAddress = operatorAddress;
    this.generated = key != null;
    this.key = key;
  }

  /** A custody whose operator key is generated now from {@code random} (the NSM's). */
  public static OperatorKeyCustody generate(SecureRandom random) {
    SigningKey key = generateKey(random);
    return new OperatorKeyCustody(InjectionCipher.generateKeyPair(random), key.address(), key);
  }

  /**
   * A custody that waits for the key of {@code operatorAddress} to be injected.
   *
   * @throws IllegalArgumentException when the address is not a 20-byte hex address
   */
  public static OperatorKeyCustody awaitInjection(String operatorAddress, SecureRandom random) {
    Objects.requireNonNull(operatorAddress, "operatorAddress");
    if (!operatorAddress.matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("the operator address must be 0x and 40 hex digits");
    }
    return new OperatorKeyCustody(
        InjectionCipher.generateKeyPair(random), operatorAddress.toLowerCase(Locale.ROOT), null);
  }

  /** The lower-case address the operator key signs for (the configured one until injected). */
  public String operatorAddress() {
    return operatorAddress;
  }

  /** The P-384 injection public key, X.509 SubjectPublicKeyInfo DER (a copy). */
  public byte[] injectionPublicKeyDer() {
    return injectionPublicKeyDer.clone();
  }

  /** Whether the key was generated inside (rather than injected or awaited). */
  public boolean generated() {
    return generated;
  }

  /** Whether there is a key to sign with. */
  public boolean ready() {
    return key != null;
  }

  /**
   * Takes the operator key, encrypted with {@link InjectionCipher} to this custody's injection key.
   * Accepted once; refused when the key was generated, already injected, does not decrypt, or is
   * not the configured operator's.
   */
  public synchronized void inject(byte[] ciphertext) {
    Objects.requireNonNull(ciphertext, "ciphertext");
    if (generated) {
      throw SignerRefusal.forbidden(
          "this signer generated its operator key inside the enclave; no key can be injected");
    }
    if (key != null) {
      throw SignerRefusal.forbidden(
          "an operator key was already injected; every later injection is refused");
    }
    byte[] plaintext;
    try {
      plaintext =
          InjectionCipher.decrypt((ECPrivateKeyParameters) injectionKeys.getPrivate(), ciphertext);
    } catch (InvalidCipherTextException e) {
      throw SignerRefusal.malformed(
          "the encrypted key does not decrypt with this signer's injection key"
              + " (ECIES on secp384r1, see docs/ENCLAVE.md)");
    }
    SigningKey candidate;
    try {
      candidate = fromBytes(plaintext);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
    if (!candidate.address().equals(operatorAddress)) {
      throw SignerRefusal.forbidden(
          "the injected key signs for "
              + candidate.address()
              + ", not for the configured operator "
              + operatorAddress);
    }
    key = candidate;
  }

  /** The key to sign with; refused while none has been injected. */
  SigningKey key() {
    SigningKey current = key;
    if (current == null) {
      throw new SignerRefusal(
          SignerRefusal.Kind.NO_KEY,
          "no operator key yet: inject the key of "
              + operatorAddress
              + " through POST /api/set_operator_key");
    }
    return current;
  }

  private static SigningKey generateKey(SecureRandom random) {
    byte[] bytes = new byte[32];
    try {
      while (true) {
        random.nextBytes(bytes);
        BigInteger candidate = new BigInteger(1, bytes);
        if (candidate.signum() > 0 && candidate.compareTo(SECP256K1_ORDER) < 0) {
          return fromBytes(bytes);
        }
      }
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static SigningKey fromBytes(byte[] secret) {
    if (secret.length != 32) {
      throw SignerRefusal.malformed(
          "the decrypted operator key is " + secret.length + " bytes, not 32");
    }
    BigInteger value = new BigInteger(1, secret);
    if (value.signum() == 0 || value.compareTo(SECP256K1_ORDER) >= 0) {
      throw SignerRefusal.malformed("the decrypted operator key is not a valid secp256k1 key");
    }
    return SigningKey.fromHex(Numeric.toHexStringNoPrefixZeroPadded(value, 64));
  }

  @Override
  public String toString() {
    return "OperatorKeyCustody[operator=" + operatorAddress + ", key=<redacted>]";
  }
}
