package io.enclavelottery.chain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Hash;

class LotteryCallsTest {

  private static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final LotteryCalls CALLS = new LotteryCalls(LOTTERY);
  private static final Hex32 SEED = Hex32.parse("11".repeat(32));

  static Stream<Arguments> calls() {
    return Stream.of(
        Arguments.of(CALLS.startRound(), "startRound()", ""),
        Arguments.of(
            CALLS.commitSeed(SEED, Instant.ofEpochSecond(1_700_000_000)),
            "commitSeed(bytes32,uint256)",
            "11".repeat(32) + word(1_700_000_000)),
        Arguments.of(CALLS.drawWinner(SEED), "drawWinner(bytes32)", "11".repeat(32)),
        Arguments.of(
            CALLS.extendBettingTime(Instant.ofEpochSecond(99)),
            "extendBettingTime(uint256)",
            word(99)),
        Arguments.of(CALLS.refundRound(), "refundRound()", ""),
        Arguments.of(CALLS.refundExpiredRound(), "refundExpiredRound()", ""),
        Arguments.of(CALLS.setPaused(true), "setPaused(bool)", word(1)),
        Arguments.of(
            CALLS.updateMinBetAmount(BigInteger.valueOf(1000)),
            "updateMinBetAmount(uint256)",
            word(1000)),
        Arguments.of(
            CALLS.updateBettingDuration(Duration.ofMinutes(5)),
            "updateBettingDuration(uint256)",
            word(300)),
        Arguments.of(CALLS.updateMinParticipants(3), "updateMinParticipants(uint256)", word(3)),
        Arguments.of(
            CALLS.updateDrawDelays(Duration.ofSeconds(10), Duration.ofSeconds(600)),
            "updateDrawDelays(uint256,uint256)",
            word(10) + word(600)),
        Arguments.of(
            CALLS.updateMinEndTimeExtension(Duration.ofSeconds(30)),
            "updateMinEndTimeExtension(uint256)",
            word(30)),
        Arguments.of(CALLS.withdraw(), "withdraw()", ""),
        Arguments.of(CALLS.withdrawBond(BigInteger.valueOf(5)), "withdrawBond(uint256)", word(5)),
        Arguments.of(CALLS.claimRefund(4), "claimRefund(uint256)", word(4)),
        Arguments.of(
            CALLS.proposeOperator("0x00000000000000000000000000000000000000aa"),
            "proposeOperator(address)",
            word(0xaa)),
        Arguments.of(CALLS.cancelOperatorChange(), "cancelOperatorChange()", ""),
        Arguments.of(CALLS.activateOperator(), "activateOperator()", ""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("calls")
  void encodesSelectorAndArguments(ContractCall call, String signature, String arguments) {
    assertThat(call.to()).isEqualTo(LOTTERY);
    assertThat(call.function()).isEqualTo(signature.substring(0, signature.indexOf('(')));
    assertThat(call.data()).isEqualTo(selector(signature) + arguments);
    assertThat(call.value()).isZero();
  }

  @Test
  void payableCallsCarryTheirValue() {
    ContractCall bet = CALLS.placeBet(BigInteger.valueOf(123));
    assertThat(bet.data()).isEqualTo(selector("placeBet()"));
    assertThat(bet.value()).isEqualTo(123);
    ContractCall bond = CALLS.depositBond(BigInteger.TEN);
    assertThat(bond.data()).isEqualTo(selector("depositBond()"));
    assertThat(bond.value()).isEqualTo(10);
  }

  @Test
  void negativeArgumentsAreRefused() {
    assertThatThrownBy(() -> CALLS.placeBet(BigInteger.valueOf(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CALLS.updateBettingDuration(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CALLS.claimRefund(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void contractCallValidatesAndKeepsDataOutOfItsText() {
    assertThatThrownBy(() -> new ContractCall(LOTTERY, "x", "0x", BigInteger.valueOf(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ContractCall(null, "x", "0x", BigInteger.ZERO))
        .isInstanceOf(NullPointerException.class);
    ContractCall draw = CALLS.drawWinner(SEED);
    assertThat(draw.toString()).contains("drawWinner", "36 bytes").doesNotContain("1111");
  }

  private static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  private static String word(long value) {
    return String.format("%064x", value);
  }
}
