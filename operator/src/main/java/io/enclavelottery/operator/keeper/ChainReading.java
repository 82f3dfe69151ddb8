package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import java.math.BigInteger;
import java.util.Objects;

/**
 * What a keeper's last look at the chain found, for the status a person reads (the round's times,
 * pot and players, the bond, the operator's balance).
 *
 * @param round the current round (or, while WAITING, the last one)
 * @param settings the contract's settings and bond
 * @param operatorBalance the operator account's balance in wei
 * @param inPool the operator's transactions waiting in the node's pool
 */
public record ChainReading(
    Round round, LotterySettings settings, BigInteger operatorBalance, long inPool) {

  public ChainReading {
    Objects.requireNonNull(round, "round");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(operatorBalance, "operatorBalance");
  }
}
