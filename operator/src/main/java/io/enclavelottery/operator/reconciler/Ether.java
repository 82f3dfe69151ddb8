package io.enclavelottery.operator.reconciler;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Amounts of wei written as ether, the way the status shows them ("0.03"). */
final class Ether {

  private static final BigDecimal WEI_PER_ETHER = BigDecimal.TEN.pow(18);

  private Ether() {}

  static String of(BigInteger wei) {
    return new BigDecimal(wei).divide(WEI_PER_ETHER).stripTrailingZeros().toPlainString();
  }
}
