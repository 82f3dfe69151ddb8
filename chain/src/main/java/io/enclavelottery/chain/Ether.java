package io.enclavelottery.chain;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Amounts of wei written as ether for people: exact, without trailing zeros ({@code 0.03}), in
 * status fields, and with the unit ({@code 0.03 ETH}) in messages, Events and the feed.
 */
public final class Ether {

  private static final BigDecimal WEI_PER_ETHER = BigDecimal.TEN.pow(18);

  private Ether() {}

  /** {@code wei} in ether, exactly: {@code 30000000000000000} is {@code 0.03}. */
  public static String of(BigInteger wei) {
    return new BigDecimal(wei).divide(WEI_PER_ETHER).stripTrailingZeros().toPlainString();
  }

  /** {@code wei} in ether with the unit: {@code 0.03 ETH}. */
  public static String text(BigInteger wei) {
    return of(wei) + " ETH";
  }
}
