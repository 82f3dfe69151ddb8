package io.enclavelottery.chain.signer;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Objects;
import org.web3j.utils.Numeric;

/** The 32-byte words of Solidity's {@code abi.encode} for the few static types seeds use. */
final class AbiWords {

  private AbiWords() {}

  static byte[] uint256(BigInteger value) {
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0 || value.bitLength() > 256) {
      throw new IllegalArgumentException("not a uint256: " + value);
    }
    return Numeric.toBytesPadded(value, 32);
  }

  static byte[] address(String address) {
    Objects.requireNonNull(address, "address");
    String clean = Numeric.cleanHexPrefix(address);
    if (!clean.matches("[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("not a 20-byte address: " + address);
    }
    return uint256(new BigInteger(clean, 16));
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
