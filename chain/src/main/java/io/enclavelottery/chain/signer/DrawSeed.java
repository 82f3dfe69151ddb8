package io.enclavelottery.chain.signer;

import com.fasterxml.jackson.annotation.JsonValue;
import io.enclavelottery.chain.contract.DrawMath;
import io.enclavelottery.chain.contract.Hex32;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The 32-byte secret of one round's commit–reveal draw. Until it is revealed by {@code
 * drawWinner(seed)} it decides the winner, so it is treated like a key: {@code toString} is
 * redacted (Jackson writes the same text) and it is never logged. Only its {@link #commitment} is
 * public before the draw.
 */
public final class DrawSeed {

  private final byte[] bytes;

  private DrawSeed(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Wraps 32 bytes (copied). */
  public static DrawSeed of(byte[] bytes) {
    Objects.requireNonNull(bytes, "bytes");
    if (bytes.length != 32) {
      throw new IllegalArgumentException("a draw seed is 32 bytes, not " + bytes.length);
    }
    return new DrawSeed(bytes.clone());
  }

  /** The seed's bytes (a copy), as {@code drawWinner(bytes32)} takes them. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /**
   * The value committed by {@code commitSeed}: {@code keccak256(abi.encode(chainId, lottery,
   * roundId, seed))}, as the contract's {@code computeCommitment} computes it.
   */
  public byte[] commitment(long chainId, String lotteryAddress, BigInteger roundId) {
    return DrawMath.commitment(chainId, lotteryAddress, roundId.longValueExact(), Hex32.of(bytes))
        .toBytes();
  }

  /** {@link #commitment} as {@code 0x} hex. */
  public String commitmentHex(long chainId, String lotteryAddress, BigInteger roundId) {
    return Numeric.toHexString(commitment(chainId, lotteryAddress, roundId));
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DrawSeed seed && MessageDigest.isEqual(seed.bytes, bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(Hash.sha3(bytes));
  }

  @JsonValue
  @Override
  public String toString() {
    return "DrawSeed[<redacted>]";
  }
}
