package io.enclavelottery.enclave.signer;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Objects;
import org.web3j.utils.Convert;

/**
 * The most the signer lets one transaction cost, so that a host holding the signing port cannot
 * drain the operator's balance into fees.
 *
 * @param maxFeePerGas the highest {@code maxFeePerGas} it signs, in wei
 * @param maxPriorityFeePerGas the highest {@code maxPriorityFeePerGas} it signs, in wei
 * @param maxGasLimit the highest gas limit it signs
 */
public record FeeCaps(
    BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas, BigInteger maxGasLimit) {

  public FeeCaps {
    Objects.requireNonNull(maxFeePerGas, "maxFeePerGas");
    Objects.requireNonNull(maxPriorityFeePerGas, "maxPriorityFeePerGas");
    Objects.requireNonNull(maxGasLimit, "maxGasLimit");
    if (maxFeePerGas.signum() <= 0
        || maxPriorityFeePerGas.signum() < 0
        || maxGasLimit.signum() <= 0) {
      throw new IllegalArgumentException("fee caps must be positive");
    }
  }

  /** Refuses {@code terms} when they exceed a cap. */
  void check(TransactionTerms terms) {
    if (terms.fees().maxFeePerGas().compareTo(maxFeePerGas) > 0) {
      throw SignerRefusal.forbidden(
          "maxFeePerGas "
              + gwei(terms.fees().maxFeePerGas())
              + " is over the cap of "
              + gwei(maxFeePerGas));
    }
    if (terms.fees().maxPriorityFeePerGas().compareTo(maxPriorityFeePerGas) > 0) {
      throw SignerRefusal.forbidden(
          "maxPriorityFeePerGas "
              + gwei(terms.fees().maxPriorityFeePerGas())
              + " is over the cap of "
              + gwei(maxPriorityFeePerGas));
    }
    if (terms.gasLimit().compareTo(maxGasLimit) > 0) {
      throw SignerRefusal.forbidden(
          "gas limit " + terms.gasLimit() + " is over the cap of " + maxGasLimit);
    }
  }

  private static String gwei(BigInteger wei) {
    return Convert.fromWei(new BigDecimal(wei), Convert.Unit.GWEI)
            .stripTrailingZeros()
            .toPlainString()
        + " gwei";
  }
}
