package io.enclavelottery.chain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class Hex32Test {

  @Test
  void normalisesToLowerCaseWithPrefix() {
    Hex32 value = Hex32.parse("  AB" + "00".repeat(31) + " ");
    assertThat(value.hex()).isEqualTo("0xab" + "00".repeat(31));
    assertThat(value).isEqualTo(new Hex32("0xAB" + "00".repeat(31)));
    assertThat(value).hasToString(value.hex());
  }

  @Test
  void convertsToAndFromBytesAndNumbers() {
    byte[] bytes = new byte[32];
    bytes[31] = 7;
    assertThat(Hex32.of(bytes).toBigInteger()).isEqualTo(BigInteger.valueOf(7));
    assertThat(Hex32.of(BigInteger.valueOf(7)).toBytes()).isEqualTo(bytes);
    BigInteger max = BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE);
    assertThat(Hex32.of(max).hex()).isEqualTo("0x" + "f".repeat(64));
  }

  @Test
  void zeroIsZero() {
    assertThat(Hex32.ZERO.isZero()).isTrue();
    assertThat(Hex32.of(BigInteger.ONE).isZero()).isFalse();
  }

  @Test
  void rejectsWhatIsNot32Bytes() {
    assertThatThrownBy(() -> Hex32.parse("abcd")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hex32.parse("zz".repeat(32)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hex32.of(new byte[31])).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hex32.of(BigInteger.ONE.shiftLeft(256)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hex32.of(BigInteger.valueOf(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
