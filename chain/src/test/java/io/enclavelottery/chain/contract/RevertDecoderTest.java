package io.enclavelottery.chain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

class RevertDecoderTest {

  private final RevertDecoder lottery = RevertDecoder.lottery();

  /** Revert data built with web3j's encoder, independent of the decoder's own selector code. */
  @SuppressWarnings("rawtypes")
  private static String revertData(String name, Type... arguments) {
    return FunctionEncoder.encode(new Function(name, List.of(arguments), List.of()));
  }

  @Test
  void knowsEveryCustomErrorOfTheLotteryAbi() throws Exception {
    String abi = Files.readString(Path.of("../contracts/abi/Lottery.abi.json"));

    assertThat(lottery.customErrors()).isEqualTo(RevertDecoder.fromAbiJson(abi).customErrors());
    assertThat(lottery.customErrors())
        .extracting(ErrorDefinition::name)
        .contains("NotOperator", "BetTooSmall", "WrongState", "NothingToClaim", "Reentrancy");
  }

  @Test
  void decodesACustomErrorWithArguments() {
    String data = revertData("BetTooSmall", new Uint256(100), new Uint256(BigInteger.TEN.pow(15)));

    RevertReason reason = lottery.decode(data);

    assertThat(reason)
        .isEqualTo(
            new RevertReason.CustomError(
                "BetTooSmall", List.of(BigInteger.valueOf(100), BigInteger.TEN.pow(15))));
    assertThat(reason.describe()).isEqualTo("BetTooSmall(100, 1000000000000000)");
  }

  @Test
  void decodesACustomErrorWithoutArguments() {
    RevertReason reason = lottery.decode(revertData("NotOperator"));

    assertThat(reason).isEqualTo(new RevertReason.CustomError("NotOperator", List.of()));
    assertThat(reason.describe()).isEqualTo("NotOperator()");
  }

  @Test
  void decodesAddressesAndEnums() {
    String player = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

    assertThat(lottery.decode(revertData("NothingToClaim", new Uint256(7), new Address(player))))
        .isEqualTo(
            new RevertReason.CustomError("NothingToClaim", List.of(BigInteger.valueOf(7), player)));
    assertThat(lottery.decode(revertData("WrongState", new Uint8(1), new Uint8(3))))
        .extracting(RevertReason::describe)
        .isEqualTo("WrongState(1, 3)");
  }

  @Test
  void decodesSoliditysErrorString() {
    RevertReason reason = lottery.decode(revertData("Error", new Utf8String("not enough ether")));

    assertThat(reason).isEqualTo(new RevertReason.ErrorMessage("not enough ether"));
  }

  @Test
  void decodesAPanicWithItsMeaning() {
    RevertReason reason = lottery.decode(revertData("Panic", new Uint256(0x11)));

    assertThat(reason).isEqualTo(new RevertReason.Panic(BigInteger.valueOf(0x11)));
    assertThat(reason.describe()).isEqualTo("Panic(0x11: arithmetic overflow or underflow)");
  }

  @Test
  void keepsUnknownAndMalformedDataRaw() {
    assertThat(lottery.decode("0xdeadbeef")).isEqualTo(new RevertReason.Undecoded("0xdeadbeef"));
    String truncated =
        revertData("BetTooSmall", new Uint256(1), new Uint256(2)).substring(0, 10) + "00";
    assertThat(lottery.decode(truncated)).isInstanceOf(RevertReason.Undecoded.class);
    assertThat(lottery.decode("0x").describe()).isEqualTo("reverted without a reason");
    assertThat(lottery.decode(null).describe()).isEqualTo("reverted without a reason");
  }

  @Test
  void theStandardDecoderKnowsNoCustomErrors() {
    assertThat(RevertDecoder.standardOnly().decode(revertData("NotOperator")))
        .isInstanceOf(RevertReason.Undecoded.class);
  }

  @Test
  void selectorsAreTheKeccakOfTheCanonicalSignature() {
    assertThat(new ErrorDefinition("Error", List.of("string")).selector()).isEqualTo("0x08c379a0");
    assertThat(new ErrorDefinition("Panic", List.of("uint256")).selector()).isEqualTo("0x4e487b71");
  }
}
