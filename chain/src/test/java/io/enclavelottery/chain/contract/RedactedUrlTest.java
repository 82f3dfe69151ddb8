package io.enclavelottery.chain.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactedUrlTest {

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:8545, http://127.0.0.1:8545",
    "http://127.0.0.1:8545/, http://127.0.0.1:8545",
    "https://mainnet.infura.io/v3/SECRETKEY, https://mainnet.infura.io/…",
    "wss://user:SECRETPASS@node.example:8546, wss://node.example:8546/…",
    "https://node.example/?apikey=SECRETKEY, https://node.example/…",
    "not a url, (unparseable URL)",
  })
  void showsOnlySchemeHostAndPort(String url, String shown) {
    assertThat(RedactedUrl.of(url)).isEqualTo(shown).doesNotContain("SECRET");
  }

  @ParameterizedTest
  @CsvSource({
    "https://mainnet.infura.io/v3/SECRETKEY",
    "wss://user:SECRETPASS@node.example:8546",
    "https://node.example/rpc?apikey=SECRETKEY",
  })
  void scrubsTheUrlAndItsPartsFromForeignMessages(String url) {
    String withoutScheme = url.substring(url.indexOf("//") + 2);
    String message = "Failed to connect to " + url + " (" + withoutScheme + ")";
    assertThat(RedactedUrl.scrub(message, url)).doesNotContain("SECRET");
  }
}
