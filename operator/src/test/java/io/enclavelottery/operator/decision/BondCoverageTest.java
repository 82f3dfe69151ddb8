package io.enclavelottery.operator.decision;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.LotterySettings;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The bond covers a round when its pot cap holds minParticipants bets of minBetAmount. */
class BondCoverageTest {

  private static final BigInteger SMALLEST_ROUND = Scenario.MIN_BET.multiply(BigInteger.TWO);

  @Test
  void anyBondWillDoWithoutARevealPenalty() {
    BondCoverage coverage = BondCoverage.of(new Scenario().settings());

    assertThat(coverage.sufficient()).isTrue();
    assertThat(coverage.smallestViablePot()).isEqualTo(SMALLEST_ROUND);
  }

  @Test
  void aCapExactlyAtTheSmallestRoundIsEnough() {
    assertThat(BondCoverage.of(withMaxPot(SMALLEST_ROUND)).sufficient()).isTrue();
  }

  @Test
  void aCapOneWeiShortIsNotAndSaysWhy() {
    BondCoverage coverage = BondCoverage.of(withMaxPot(SMALLEST_ROUND.subtract(BigInteger.ONE)));

    assertThat(coverage.sufficient()).isFalse();
    assertThat(coverage.describe())
        .isEqualTo(
            "bond too small: it covers a pot of 0.001999999999999999 ETH, a round needs at least"
                + " 0.002 ETH (minBetAmount times minParticipants)");
  }

  private static LotterySettings withMaxPot(BigInteger maxPot) {
    LotterySettings s = new Scenario().settings();
    return new LotterySettings(
        s.publisher(),
        s.operator(),
        s.publisherCommissionBps(),
        s.minBetAmount(),
        s.bettingDuration(),
        s.minDrawDelayAfterEnd(),
        s.maxDrawDelayAfterEnd(),
        s.minEndTimeExtension(),
        s.minParticipants(),
        1_000,
        maxPot.divide(BigInteger.TEN),
        maxPot,
        s.unrevealedRounds(),
        s.paused(),
        s.pendingOperator(),
        s.pendingOperatorEffectiveAt(),
        s.operatorChangeDelay(),
        s.maxTotalExtension());
  }
}
