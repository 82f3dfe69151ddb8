package io.enclavelottery.chain.contract;

import java.math.BigInteger;
import java.util.Objects;

/**
 * A prepared call of the lottery contract: everything a transaction needs except the sender, its
 * nonce and its fees. {@link LotteryContract} prepares it; the transaction sender simulates, signs
 * and sends it.
 *
 * <p>{@link #toString()} shows the size of the call data, not the data: a {@code drawWinner} call
 * carries the seed, which has no business in a log line before it is on chain.
 *
 * @param to the contract's {@code 0x} address
 * @param function the Solidity function's name, for logs and metrics (never the arguments)
 * @param data the ABI-encoded call data, {@code 0x}-prefixed hex
 * @param value the ether sent with the call, in wei (zero for non-payable functions)
 */
public record ContractCall(String to, String function, String data, BigInteger value) {

  public ContractCall {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(function, "function");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("value must not be negative: " + value);
    }
  }

  @Override
  public String toString() {
    int bytes = Math.max(0, (data.length() - (data.startsWith("0x") ? 2 : 0)) / 2);
    return "ContractCall[to=%s, function=%s, data=<%d bytes>, value=%s]"
        .formatted(to, function, bytes, value);
  }
}
