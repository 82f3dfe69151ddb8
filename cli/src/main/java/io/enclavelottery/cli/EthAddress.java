package io.enclavelottery.cli;

import java.util.Locale;
import org.web3j.crypto.Keys;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * An Ethereum address given on the command line: {@code 0x} and 40 hex digits. Mixed case must be a
 * valid EIP-55 checksum, so a mistyped address is caught before anything is sent.
 *
 * @param value the address in lower case, {@code 0x}-prefixed
 */
record EthAddress(String value) {

  static final EthAddress ZERO = new EthAddress("0x" + "0".repeat(40));

  /**
   * Parses an address.
   *
   * @throws IllegalArgumentException with the reason (never the text itself) when it is not one
   */
  static EthAddress parse(String text) {
    String trimmed = text.strip();
    if (!trimmed.matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("not an address (expected 0x and 40 hex digits)");
    }
    String hex = trimmed.substring(2);
    boolean mixedCase =
        !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
    if (mixedCase && !Keys.toChecksumAddress(trimmed).equals(trimmed)) {
      throw new IllegalArgumentException("the address's EIP-55 checksum is wrong (a typo?)");
    }
    return new EthAddress("0x" + hex.toLowerCase(Locale.ROOT));
  }

  /** The EIP-55 checksummed form, for display. */
  String checksummed() {
    return Keys.toChecksumAddress(value);
  }

  @Override
  public String toString() {
    return checksummed();
  }

  /** picocli's converter: a bad address is a usage error with the reason. */
  static final class Converter implements ITypeConverter<EthAddress> {
    @Override
    public EthAddress convert(String text) {
      try {
        return parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
