package io.enclavelottery.operator.decision;

import java.math.BigInteger;
import java.util.Objects;

/**
 * The operator account's ether against what one transaction is expected to cost.
 *
 * @param balance the account's balance in wei
 * @param transactionCost the estimated cost of one operator transaction in wei (gas limit times fee
 *     cap, say)
 */
public record OperatorBalance(BigInteger balance, BigInteger transactionCost) {

  public OperatorBalance {
    Objects.requireNonNull(balance, "balance");
    Objects.requireNonNull(transactionCost, "transactionCost");
    if (balance.signum() < 0 || transactionCost.signum() < 0) {
      throw new IllegalArgumentException("balance and cost must not be negative");
    }
  }

  /** Whether the balance pays for one more transaction. */
  public boolean coversTransaction() {
    return balance.compareTo(transactionCost) >= 0;
  }
}
