package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EthAddressTest {

  private static final String CHECKSUMMED = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";

  @Test
  void acceptsLowerUpperAndChecksummedCase() {
    String lower = CHECKSUMMED.toLowerCase();

    assertThat(EthAddress.parse(lower).value()).isEqualTo(lower);
    assertThat(EthAddress.parse("0x" + CHECKSUMMED.substring(2).toUpperCase()).value())
        .isEqualTo(lower);
    assertThat(EthAddress.parse(CHECKSUMMED).value()).isEqualTo(lower);
    assertThat(EthAddress.parse(lower).checksummed()).isEqualTo(CHECKSUMMED);
  }

  @Test
  void refusesABrokenChecksum() {
    String typo = CHECKSUMMED.replace("C51812dc", "c51812dc");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> EthAddress.parse(typo))
        .withMessageContaining("checksum");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "0x",
        "70997970c51812dc3a010c7d01b50e0d17dc79c8",
        "0x70997970c51812dc3a010c7d01b50e0d17dc79c",
        "0x70997970c51812dc3a010c7d01b50e0d17dc79c8aa",
        "0x70997970c51812dc3a010c7d01b50e0d17dc79cg"
      })
  void refusesWhatIsNotAnAddressWithoutEchoingIt(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EthAddress.parse(text))
        .withMessage("not an address (expected 0x and 40 hex digits)");
  }
}
