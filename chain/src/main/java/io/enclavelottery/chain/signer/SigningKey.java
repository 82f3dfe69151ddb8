package io.enclavelottery.chain.signer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;
import java.util.Objects;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.utils.Numeric;

/**
 * An Ethereum private key. It never shows itself: {@link #toString()} names only the address,
 * {@link #equals(Object)} compares addresses, Jackson writes it as that same redacted text however
 * the mapper is configured, and it is not {@code Serializable}, so the key cannot reach a log line,
 * an exception message, a status field or a JSON document by accident.
 */
public final class SigningKey {

  private final Credentials credentials;

  private SigningKey(Credentials credentials) {
    this.credentials = credentials;
  }

  /**
   * Parses a hex private key (with or without {@code 0x}, surrounding whitespace ignored).
   *
   * @throws IllegalArgumentException without the offending text when it is not a 32-byte key
   */
  public static SigningKey fromHex(String hex) {
    Objects.requireNonNull(hex, "private key");
    String clean = Numeric.cleanHexPrefix(hex.strip());
    if (!clean.matches("[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException("a private key must be 32 bytes of hex (64 hex digits)");
    }
    BigInteger secret = new BigInteger(clean, 16);
    if (secret.signum() == 0) {
      throw new IllegalArgumentException("a private key must not be zero");
    }
    return new SigningKey(Credentials.create(ECKeyPair.create(secret)));
  }

  /** The lower-case (not checksummed) {@code 0x} address this key signs for. */
  public String address() {
    return credentials.getAddress();
  }

  /** The web3j credentials, for code that signs; never log or serialise them. */
  public Credentials credentials() {
    return credentials;
  }

  /** The 32 secret bytes, for key-derived values in this package (a fresh copy each call). */
  byte[] secretBytes() {
    return Numeric.toBytesPadded(credentials.getEcKeyPair().getPrivateKey(), 32);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SigningKey key && key.address().equals(address());
  }

  @Override
  public int hashCode() {
    return address().hashCode();
  }

  @JsonValue
  @Override
  public String toString() {
    return "SigningKey[address=" + address() + ", key=<redacted>]";
  }
}
