package io.enclavelottery.chain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Vectors computed independently with js-sha3 over hand-written abi.encode words. */
class DrawMathTest {

  private static final Hex32 SEED_11 = Hex32.parse("11".repeat(32));
  private static final Hex32 SEED_AB = Hex32.parse("ab".repeat(32));

  @Test
  void commitmentIsKeccakOfChainContractRoundAndSeed() {
    assertThat(DrawMath.commitment(31337, "0x5FbDB2315678afecb367f032d93F642f64180aa3", 7, SEED_11))
        .isEqualTo(Hex32.parse("0ba0ff6038f740f7355194045fcc6fe477b437b20f88e6eed718ab06f5dc8197"));
    assertThat(DrawMath.commitment(1, "0x00000000000000000000000000000000000000ff", 1, SEED_AB))
        .isEqualTo(Hex32.parse("0dc7ef8078cc29ea4a632a80950c0a7a5b45f1e86a781272d8cf9ebc9fb27344"));
  }

  @Test
  void commitmentDependsOnEveryInput() {
    Hex32 base = DrawMath.commitment(1, "0x00000000000000000000000000000000000000ff", 1, SEED_AB);
    assertThat(DrawMath.commitment(2, "0x00000000000000000000000000000000000000ff", 1, SEED_AB))
        .isNotEqualTo(base);
    assertThat(DrawMath.commitment(1, "0x00000000000000000000000000000000000000fe", 1, SEED_AB))
        .isNotEqualTo(base);
    assertThat(DrawMath.commitment(1, "0x00000000000000000000000000000000000000ff", 2, SEED_AB))
        .isNotEqualTo(base);
    assertThat(DrawMath.commitment(1, "0x00000000000000000000000000000000000000ff", 1, SEED_11))
        .isNotEqualTo(base);
  }

  @Test
  void winningPointIsTheSeedAndRoundHashModuloThePot() {
    assertThat(DrawMath.winningPoint(SEED_11, 7, BigInteger.TEN.pow(18)))
        .isEqualTo(new BigInteger("495435120177262133"));
    assertThat(DrawMath.winningPoint(SEED_AB, 1, BigInteger.valueOf(12345)))
        .isEqualTo(BigInteger.valueOf(3656));
    assertThat(DrawMath.winningPoint(SEED_AB, 1, BigInteger.ONE)).isZero();
  }

  @Test
  void winningPointNeedsAPot() {
    assertThatThrownBy(() -> DrawMath.winningPoint(SEED_AB, 1, BigInteger.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Arguments> points() {
    // bets of 10, 5, 1 and 20 wei: ranges [0,10) [10,15) [15,16) [16,36)
    return Stream.of(
        Arguments.of(0, 0),
        Arguments.of(9, 0),
        Arguments.of(10, 1),
        Arguments.of(14, 1),
        Arguments.of(15, 2),
        Arguments.of(16, 3),
        Arguments.of(35, 3));
  }

  @ParameterizedTest(name = "point {0} -> bet {1}")
  @MethodSource("points")
  void winnerIndexIsTheFirstBetWhoseRunningTotalExceedsThePoint(long point, int expected) {
    List<BigInteger> totals = totals(10, 15, 16, 36);
    assertThat(DrawMath.winnerIndex(totals, BigInteger.valueOf(point))).isEqualTo(expected);
  }

  @Test
  void winnerIndexAgreesWithALinearScanOnEveryPoint() {
    List<BigInteger> totals = totals(3, 4, 9, 10, 11, 30, 31, 32, 50);
    for (int point = 0; point < 50; point++) {
      int linear = 0;
      while (totals.get(linear).compareTo(BigInteger.valueOf(point)) <= 0) {
        linear++;
      }
      assertThat(DrawMath.winnerIndex(totals, BigInteger.valueOf(point))).isEqualTo(linear);
    }
  }

  @Test
  void aSingleBetWinsEveryPoint() {
    assertThat(DrawMath.winnerIndex(totals(5), BigInteger.valueOf(4))).isZero();
  }

  @Test
  void winnerIndexRejectsPointsOutsideThePotAndEmptyRounds() {
    assertThatThrownBy(() -> DrawMath.winnerIndex(totals(10, 20), BigInteger.valueOf(20)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("outside the pot");
    assertThatThrownBy(() -> DrawMath.winnerIndex(totals(10), BigInteger.valueOf(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DrawMath.winnerIndex(List.of(), BigInteger.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static List<BigInteger> totals(long... values) {
    return java.util.Arrays.stream(values).mapToObj(BigInteger::valueOf).toList();
  }
}
