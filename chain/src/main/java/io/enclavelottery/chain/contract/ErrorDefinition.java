package io.enclavelottery.chain.contract;

import java.util.List;
import java.util.Objects;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * One Solidity error as its ABI declares it.
 *
 * @param name the error's name
 * @param types the canonical types of its parameters ({@code uint256}, {@code address}; enums are
 *     {@code uint8})
 */
public record ErrorDefinition(String name, List<String> types) {

  public ErrorDefinition {
    Objects.requireNonNull(name, "name");
    types = List.copyOf(types);
  }

  /** {@code Name(type1,type2)}. */
  public String signature() {
    return name + "(" + String.join(",", types) + ")";
  }

  /** The first four bytes of the signature's keccak256, as {@code 0x} plus 8 hex digits. */
  public String selector() {
    return Numeric.toHexString(
            Hash.sha3(signature().getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .substring(0, 10);
  }
}
