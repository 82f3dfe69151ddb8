package io.enclavelottery.chain.tx;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Conversions between wei and gwei, the unit fees are configured and shown in. */
final class Gwei {

  private static final BigDecimal WEI_PER_GWEI = BigDecimal.TEN.pow(9);

  private Gwei() {}

  /** {@code gwei} (may have decimals) in wei, rounded down. */
  static BigInteger toWei(BigDecimal gwei) {
    return gwei.multiply(WEI_PER_GWEI).setScale(0, RoundingMode.DOWN).toBigIntegerExact();
  }

  static BigInteger toWei(long gwei) {
    return BigInteger.valueOf(gwei).multiply(WEI_PER_GWEI.toBigInteger());
  }

  /** {@code wei} as a short gwei figure, e.g. {@code "1.5 gwei"}. */
  static String format(BigInteger wei) {
    BigDecimal gwei = new BigDecimal(wei).divide(WEI_PER_GWEI).stripTrailingZeros();
    return (gwei.scale() < 0 ? gwei.setScale(0) : gwei).toPlainString() + " gwei";
  }
}
