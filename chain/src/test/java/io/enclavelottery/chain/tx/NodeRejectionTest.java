package io.enclavelottery.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeRejectionTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // Anvil 1.7.1, as observed
        "nonce too low | NONCE_TOO_LOW",
        "transaction already imported | ALREADY_KNOWN",
        "replacement transaction underpriced | REPLACEMENT_UNDERPRICED",
        "max fee per gas less than block base fee | OTHER",
        "Insufficient funds for gas * price + value | OTHER",
        // Geth
        "nonce too low: address 0xabc, tx: 5 state: 7 | NONCE_TOO_LOW",
        "already known | ALREADY_KNOWN",
        "nonce too high | NONCE_TOO_HIGH",
        "insufficient funds for gas * price + value | OTHER",
        // Nethermind, Besu
        "OldNonce | NONCE_TOO_LOW",
        "Known transaction | ALREADY_KNOWN",
        "REPLACEMENT_UNDERPRICED | REPLACEMENT_UNDERPRICED",
        "'' | OTHER"
      })
  void classifiesNodeMessages(String message, NodeRejection expected) {
    assertThat(NodeRejection.classify(message)).isEqualTo(expected);
  }
}
