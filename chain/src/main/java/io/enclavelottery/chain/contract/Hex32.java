package io.enclavelottery.chain.contract;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import org.web3j.utils.Numeric;

/**
 * A Solidity {@code bytes32} (a seed, a commitment, a hash), held as lower-case {@code 0x}-prefixed
 * hex so that it compares, prints and serialises as what it is.
 *
 * @param hex 64 hex digits with the {@code 0x} prefix; upper case is accepted and lowered
 */
public record Hex32(String hex) {

  /** Thirty-two zero bytes: the contract's "not set" for a commitment or a revealed seed. */
  public static final Hex32 ZERO = new Hex32("0x" + "0".repeat(64));

  private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(256);

  public Hex32 {
    Objects.requireNonNull(hex, "hex");
    if (!hex.matches("0x[0-9a-fA-F]{64}")) {
      throw new IllegalArgumentException(
          "a bytes32 value must be 0x followed by 64 hex digits, got " + hex.length() + " chars");
    }
    hex = hex.toLowerCase(Locale.ROOT);
  }

  /** Parses hex with or without the {@code 0x} prefix. */
  public static Hex32 parse(String hex) {
    Objects.requireNonNull(hex, "hex");
    return new Hex32("0x" + Numeric.cleanHexPrefix(hex.strip()));
  }

  /** Wraps exactly 32 bytes. */
  public static Hex32 of(byte[] bytes) {
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a bytes32 value has 32 bytes, not " + bytes.length);
    }
    return new Hex32(Numeric.toHexString(bytes));
  }

  /** The big-endian 32-byte form of a number in {@code [0, 2^256)}. */
  public static Hex32 of(BigInteger value) {
    if (value.signum() < 0 || value.compareTo(LIMIT) >= 0) {
      throw new IllegalArgumentException("not a uint256: " + value);
    }
    return new Hex32(Numeric.toHexStringWithPrefixZeroPadded(value, 64));
  }

  /** A fresh copy of the 32 bytes. */
  public byte[] toBytes() {
    return Numeric.hexStringToByteArray(hex);
  }

  /** The value read as a {@code uint256}. */
  public BigInteger toBigInteger() {
    return new BigInteger(hex.substring(2), 16);
  }

  public boolean isZero() {
    return equals(ZERO);
  }

  @Override
  public String toString() {
    return hex;
  }
}
