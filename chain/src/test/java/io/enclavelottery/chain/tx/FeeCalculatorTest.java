package io.enclavelottery.chain.tx;

import static io.enclavelottery.chain.tx.FakeChain.gwei;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FeeCalculatorTest {

  private final FeeCalculator defaults = new FeeCalculator(FeePolicy.defaults());

  static Stream<Arguments> gasLimits() {
    return Stream.of(
        Arguments.of("1.2", 100_000, 120_000),
        Arguments.of("1.2", 21_001, 25_202), // 25 201.2 rounds up
        Arguments.of("1", 53_123, 53_123),
        Arguments.of("1.5", 3, 5));
  }

  @ParameterizedTest(name = "{1} gas × {0} = {2}")
  @MethodSource("gasLimits")
  void gasLimitIsTheEstimateTimesTheMultiplierRoundedUp(
      String multiplier, long estimate, long expected) {
    FeeCalculator calculator =
        new FeeCalculator(FeePolicy.defaults().withGasMultiplier(new BigDecimal(multiplier)));

    assertThat(calculator.gasLimit(BigInteger.valueOf(estimate)))
        .isEqualTo(BigInteger.valueOf(expected));
  }

  static Stream<Arguments> initialFees() {
    // base fee, suggested tip (-1 = none), cap (-1 = none), expected max fee, expected tip (gwei)
    return Stream.of(
        Arguments.of(10, 2, -1, 22, 2),
        Arguments.of(10, -1, -1, 21, 1),
        Arguments.of(0, 0, -1, 0, 0),
        Arguments.of(100, 2, 150, 150, 2),
        Arguments.of(100, 200, 150, 150, 150),
        Arguments.of(10, 2, 150, 22, 2));
  }

  @ParameterizedTest(name = "base {0}, tip {1}, cap {2} -> max {3}, tip {4}")
  @MethodSource("initialFees")
  void initialFeesAreTwiceTheBaseFeePlusTheTipWithinTheCap(
      long base, long tip, long cap, long expectedMax, long expectedTip) {
    FeePolicy policy =
        cap < 0 ? FeePolicy.defaults() : FeePolicy.defaults().withFeeCapWei(gwei(cap));
    Optional<BigInteger> suggested = tip < 0 ? Optional.empty() : Optional.of(gwei(tip));

    Fees fees = new FeeCalculator(policy).initial(gwei(base), suggested);

    assertThat(fees).isEqualTo(new Fees(gwei(expectedMax), gwei(expectedTip)));
  }

  @Test
  void aBumpRaisesBothFeesByTheBumpPercentageRoundedUp() {
    Fees stuck = new Fees(BigInteger.valueOf(3_000_000_001L), BigInteger.valueOf(1_000_000_001L));

    FeeBump bump = defaults.bump(stuck, BigInteger.ONE, Optional.of(BigInteger.ONE));

    // 12 %: 3 360 000 001.12 -> 3 360 000 002, 1 120 000 001.12 -> 1 120 000 002
    assertThat(bump)
        .isEqualTo(
            new FeeBump.Bumped(
                new Fees(BigInteger.valueOf(3_360_000_002L), BigInteger.valueOf(1_120_000_002L))));
  }

  @Test
  void aBumpOfAZeroTipStillRaisesIt() {
    FeeBump bump =
        defaults.bump(
            new Fees(BigInteger.TEN, BigInteger.ZERO),
            BigInteger.ZERO,
            Optional.of(BigInteger.ZERO));

    assertThat(((FeeBump.Bumped) bump).fees().maxPriorityFeePerGas()).isEqualTo(BigInteger.ONE);
    assertThat(((FeeBump.Bumped) bump).fees().maxFeePerGas()).isEqualTo(BigInteger.valueOf(12));
  }

  @Test
  void aBumpFollowsTheMarketWhenThatIsHigher() {
    Fees stuck = new Fees(gwei(3), gwei(1));

    FeeBump bump = defaults.bump(stuck, gwei(40), Optional.of(gwei(5)));

    assertThat(bump).isEqualTo(new FeeBump.Bumped(new Fees(gwei(85), gwei(5))));
  }

  static Stream<Arguments> bumpsEveryPercentage() {
    return Stream.of(10, 12, 25, 100).map(Arguments::of);
  }

  @ParameterizedTest(name = "{0} %")
  @MethodSource("bumpsEveryPercentage")
  void aBumpIsAlwaysAtLeastTenPercentOnBothFees(int percent) {
    FeeCalculator calculator =
        new FeeCalculator(FeePolicy.defaults().withReplacementBumpPercent(percent));
    Fees stuck = new Fees(BigInteger.valueOf(987_654_321), BigInteger.valueOf(123_456_789));

    Fees bumped =
        ((FeeBump.Bumped) calculator.bump(stuck, BigInteger.ONE, Optional.empty())).fees();

    assertThat(bumped.maxFeePerGas().multiply(BigInteger.valueOf(100)))
        .isGreaterThanOrEqualTo(stuck.maxFeePerGas().multiply(BigInteger.valueOf(100 + percent)));
    assertThat(bumped.maxPriorityFeePerGas().multiply(BigInteger.valueOf(100)))
        .isGreaterThanOrEqualTo(
            stuck.maxPriorityFeePerGas().multiply(BigInteger.valueOf(100 + percent)));
  }

  @Test
  void aBumpIsClampedToTheCapWhenTheCapLeavesRoom() {
    FeeCalculator capped = new FeeCalculator(FeePolicy.defaults().withFeeCapWei(gwei(150)));

    FeeBump bump = capped.bump(new Fees(gwei(121), gwei(1)), gwei(100), Optional.of(gwei(1)));

    assertThat(bump)
        .isEqualTo(
            new FeeBump.Bumped(
                new Fees(
                    gwei(150),
                    new BigDecimal("1.12").multiply(BigDecimal.TEN.pow(9)).toBigIntegerExact())));
  }

  @Test
  void aCapBelowTheMinimumBumpBlocksTheReplacement() {
    FeeCalculator capped = new FeeCalculator(FeePolicy.defaults().withFeeCapWei(gwei(3)));

    FeeBump bump = capped.bump(new Fees(gwei(3), gwei(1)), gwei(1), Optional.of(gwei(1)));

    assertThat(bump).isInstanceOf(FeeBump.BlockedByCap.class);
    FeeBump.BlockedByCap blocked = (FeeBump.BlockedByCap) bump;
    assertThat(blocked.minimum().maxFeePerGas())
        .isEqualTo(new BigDecimal("3.36").multiply(BigDecimal.TEN.pow(9)).toBigIntegerExact());
    assertThat(blocked.describe())
        .isEqualTo(
            "the fee cap of 3 gwei leaves no room for a replacement, which needs at least"
                + " Fees[maxFee=3.36 gwei, tip=1.12 gwei]; raise BLOCKCHAIN_GAS_PRICE or wait for"
                + " the base fee to fall");
  }
}
