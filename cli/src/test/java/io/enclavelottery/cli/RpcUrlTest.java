package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RpcUrlTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8545",
        "https://rpc.example.org",
        "ws://localhost:8545",
        "WSS://rpc.example.org/v3"
      })
  void acceptsHttpAndWebSocketUrls(String text) {
    assertThat(RpcUrl.parse(text).uri().toString()).isEqualTo(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1:8545", "ftp://example.org", "file:///tmp/x", "localhost"})
  void refusesOtherSchemes(String text) {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RpcUrl.parse(text))
        .withMessageContaining("http://");
  }

  @Test
  void refusesAUrlWithoutHost() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> RpcUrl.parse("http:///x"))
        .withMessageContaining("no host");
  }

  @Test
  void knowsWebSocketsFromHttp() {
    assertThat(RpcUrl.parse("ws://localhost:8545").isWebSocket()).isTrue();
    assertThat(RpcUrl.parse("https://localhost").isWebSocket()).isFalse();
  }

  @Test
  void messagesShowNeitherPathNorQuery() {
    assertThat(RpcUrl.parse("https://mainnet.example.io/v3/secret-api-key?x=1").redacted())
        .isEqualTo("https://mainnet.example.io/…");
    assertThat(RpcUrl.parse("http://127.0.0.1:8545").redacted()).isEqualTo("http://127.0.0.1:8545");
  }
}
