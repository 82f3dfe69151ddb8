package io.enclavelottery.chain.tx;

import static io.enclavelottery.chain.tx.FakeChain.gwei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeePolicyTest {

  @Test
  void defaults() {
    FeePolicy policy = FeePolicy.defaults();

    assertThat(policy.gasMultiplier()).isEqualByComparingTo("1.2");
    assertThat(policy.baseFeeMultiplier()).isEqualTo(2);
    assertThat(policy.fallbackPriorityFeeWei()).isEqualTo(gwei(1));
    assertThat(policy.maxFeeCapWei()).isEmpty();
    assertThat(policy.replacementBumpPercent()).isGreaterThanOrEqualTo(10);
  }

  @Test
  void readsTheSeedSystemsVariables() {
    FeePolicy policy =
        FeePolicy.fromEnvironment(
            Map.of("BLOCKCHAIN_GAS_MULTIPLIER", "1.5", "BLOCKCHAIN_GAS_PRICE", "2.5"));

    assertThat(policy.gasMultiplier()).isEqualByComparingTo("1.5");
    assertThat(policy.maxFeeCapWei()).contains(BigInteger.valueOf(2_500_000_000L));
  }

  @Test
  void unsetOrBlankVariablesKeepTheDefaults() {
    assertThat(FeePolicy.fromEnvironment(Map.of("BLOCKCHAIN_GAS_PRICE", " ")))
        .isEqualTo(FeePolicy.defaults());
  }

  @Test
  void aBadNumberNamesTheVariable() {
    assertThatThrownBy(() -> FeePolicy.fromEnvironment(Map.of("BLOCKCHAIN_GAS_MULTIPLIER", "fast")))
        .hasMessageContaining("BLOCKCHAIN_GAS_MULTIPLIER");
  }

  @Test
  void rejectsValuesThatMakeNoSense() {
    FeePolicy policy = FeePolicy.defaults();
    assertThatThrownBy(() -> policy.withGasMultiplier(new BigDecimal("0.9")))
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> policy.withReplacementBumpPercent(9))
        .hasMessageContaining("at least 10 %");
    assertThatThrownBy(() -> policy.withFeeCapWei(BigInteger.ZERO))
        .hasMessageContaining("positive");
    assertThat(policy.withFeeCapWei(BigInteger.TEN).withoutFeeCap().maxFeeCapWei())
        .isEqualTo(Optional.empty());
  }
}
