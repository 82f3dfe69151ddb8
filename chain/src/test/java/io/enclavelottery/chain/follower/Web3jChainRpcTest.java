package io.enclavelottery.chain.follower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.enclavelottery.chain.RpcException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.web3j.protocol.core.Response;

class Web3jChainRpcTest {

  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-32005 | query returned more than 10000 results                     | true",
        "-32602 | Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range | true",
        "-32000 | exceed maximum block range: 5000                            | true",
        "-32000 | eth_getLogs is limited to a 10,000 range                    | true",
        "-32000 | block range is too wide                                     | true",
        "-32000 | block range too large                                       | true",
        "-32005 | limit exceeded                                              | true",
        "-32005 | project ID request rate exceeded                            | false",
        "-32000 | header not found                                            | false",
        "3      | execution reverted                                          | false",
      })
  void recognisesARefusedLogRange(int code, String message, boolean refused) {
    assertThat(Web3jChainRpc.isRangeRefusal(new Response.Error(code, message))).isEqualTo(refused);
  }

  @Test
  void aRefusedRangeBecomesRangeTooLarge() throws IOException {
    NodeConnector connector =
        serve(
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"error\":{\"code\":-32005,"
                + "\"message\":\"query returned more than 10000 results\"}}");
    try (NodeConnection connection = connector.connect()) {
      assertThatThrownBy(
              () ->
                  connection
                      .rpc()
                      .logs(new LogQuery(0, 100, List.of(FakeChain.address(1)), Set.of())))
          .isInstanceOf(RangeTooLargeException.class)
          .hasMessageContaining("eth_getLogs")
          .hasMessageContaining("more than 10000 results");
    }
  }

  @Test
  void otherNodeErrorsAreRpcExceptions() throws IOException {
    NodeConnector connector =
        serve(
            "{\"jsonrpc\":\"2.0\",\"id\":%d,\"error\":{\"code\":-32000,"
                + "\"message\":\"header not found\"}}");
    try (NodeConnection connection = connector.connect()) {
      assertThatThrownBy(() -> connection.rpc().latestHeader())
          .isExactlyInstanceOf(RpcException.class)
          .hasMessage("eth_getBlockByNumber: header not found (-32000)");
    }
  }

  @Test
  void anUnreachableNodeIsAnRpcExceptionWithoutTheUrl() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    NodeConnector connector =
        Web3jNodeConnector.forUrl(
            "http://127.0.0.1:" + port + "/v3/secret-api-key", FollowerConfig.defaults());
    try (NodeConnection connection = connector.connect()) {
      assertThatThrownBy(() -> connection.rpc().latestHeader())
          .isExactlyInstanceOf(RpcException.class)
          .hasMessageStartingWith("eth_getBlockByNumber: node unreachable")
          .hasMessageNotContaining("secret-api-key");
      assertThat(connection.heads()).isInstanceOf(PollingHeadSource.class);
      assertThat(connection.heads().pollInterval()).isEqualTo(Duration.ofSeconds(2));
    }
  }

  @Test
  void refusesAnUnknownScheme() {
    assertThatThrownBy(() -> Web3jNodeConnector.forUrl("ftp://node", FollowerConfig.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ftp");
  }

  /** A node that answers every request with {@code template} (its %d is the request id). */
  private NodeConnector serve(String template) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    AtomicReference<String> lastRequest = new AtomicReference<>();
    server.createContext(
        "/",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          lastRequest.set(body);
          long id = Long.parseLong(body.replaceAll(".*\"id\"\\s*:\\s*(\\d+).*", "$1"));
          byte[] answer = String.format(template, id).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, answer.length);
          exchange.getResponseBody().write(answer);
          exchange.close();
        });
    server.start();
    return Web3jNodeConnector.forUrl(
        "http://127.0.0.1:" + server.getAddress().getPort(), FollowerConfig.defaults());
  }
}
