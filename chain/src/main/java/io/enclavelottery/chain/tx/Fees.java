package io.enclavelottery.chain.tx;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The EIP-1559 fees of one transaction, in wei per gas.
 *
 * @param maxFeePerGas the most the sender pays per gas (base fee plus tip)
 * @param maxPriorityFeePerGas the most of that which goes to the block builder as a tip
 */
public record Fees(BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {

  public Fees {
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    if (maxPriorityFeePerGas.signum() < 0 || maxFeePerGas.compareTo(maxPriorityFeePerGas) < 0) {
      throw new IllegalArgumentException(
          "need 0 <= maxPriorityFeePerGas <= maxFeePerGas, got "
              + maxPriorityFeePerGas
              + " and "
              + maxFeePerGas);
    }
  }

  @Override
  public String toString() {
    return "Fees[maxFee="
        + Gwei.format(maxFeePerGas)
        + ", tip="
        + Gwei.format(maxPriorityFeePerGas)
        + "]";
  }
}
