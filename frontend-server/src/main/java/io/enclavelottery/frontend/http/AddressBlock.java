package io.enclavelottery.frontend.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}) or a single
 * address ({@code 10.1.2.3}).
 *
 * @param network the block's first address, as bytes (4 for IPv4, 16 for IPv6)
 * @param prefixLength how many leading bits an address must share with {@code network}
 */
public record AddressBlock(byte[] network, int prefixLength) {

  // literal IPv4 or IPv6 only: InetAddress.getByName must never look a name up
  private static final Pattern LITERAL = Pattern.compile("[0-9a-fA-F.:]+");

  public AddressBlock {
    network = network.clone();
    if (prefixLength < 0 || prefixLength > network.length * 8) {
      throw new IllegalArgumentException("prefix length out of range");
    }
  }

  /**
   * Parses {@code address} or {@code address/prefix}.
   *
   * @throws IllegalArgumentException with a message that says what is wrong
   */
  public static AddressBlock parse(String text) {
    Objects.requireNonNull(text, "text");
    String value = text.strip();
    int slash = value.indexOf('/');
    String address = slash < 0 ? value : value.substring(0, slash);
    byte[] bytes =
        literal(address)
            .orElseThrow(() -> new IllegalArgumentException("not an IP address: " + address));
    int prefix = bytes.length * 8;
    if (slash >= 0) {
      String bits = value.substring(slash + 1);
      if (!bits.matches("[0-9]{1,3}") || Integer.parseInt(bits) > bytes.length * 8) {
        throw new IllegalArgumentException("not a prefix length for " + address + ": " + bits);
      }
      prefix = Integer.parseInt(bits);
    }
    return new AddressBlock(bytes, prefix);
  }

  /** Whether the address (a literal IP) falls in this block. */
  public boolean contains(InetAddress address) {
    byte[] candidate = address.getAddress();
    if (candidate.length != network.length) {
      return false;
    }
    if (prefixLength == 0) {
      return true;
    }
    BigInteger mask =
        BigInteger.ONE
            .shiftLeft(prefixLength)
            .subtract(BigInteger.ONE)
            .shiftLeft(network.length * 8 - prefixLength);
    return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
  }

  /** The bytes of a literal IPv4 or IPv6 address, without any name lookup. */
  static Optional<byte[]> literal(String address) {
    String bare =
        address.startsWith("[") && address.endsWith("]")
            ? address.substring(1, address.length() - 1)
            : address;
    if (bare.isEmpty() || bare.length() > 45 || !LITERAL.matcher(bare).matches()) {
      return Optional.empty();
    }
    if (bare.indexOf(':') < 0 && !isDottedQuad(bare)) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(bare).getAddress());
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  private static boolean isDottedQuad(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (!part.matches("[0-9]{1,3}") || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AddressBlock block
        && prefixLength == block.prefixLength
        && Arrays.equals(network, block.network);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(network) + prefixLength;
  }

  @Override
  public String toString() {
    try {
      return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
