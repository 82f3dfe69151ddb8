package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one HTTP server: routes from several modules on one port, 404 and 405 for the rest. */
class HttpServerTest {

  private final HttpClient client = HttpClient.newHttpClient();

  @Test
  void servesEveryModulesRoutesOnOnePort() throws Exception {
    List<HttpRoute> routes =
        List.of(
            HttpRoute.get("/health", exchange -> exchange.getResponseSender().send("ok")),
            HttpRoute.get(
                "/api/rounds/{id}", exchange -> exchange.getResponseSender().send("round")));
    try (HttpServer server = HttpServer.start("127.0.0.1", 0, routes)) {
      assertThat(get(server, "/health")).isEqualTo("200 ok");
      assertThat(get(server, "/api/rounds/7")).isEqualTo("200 round");
      assertThat(get(server, "/nothing")).isEqualTo("404 not found\n");
      HttpResponse<String> post =
          client.send(
              HttpRequest.newBuilder(uri(server, "/health"))
                  .POST(HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void aPortInUseIsAClearError() {
    try (HttpServer first = HttpServer.start("127.0.0.1", 0, List.of())) {
      assertThatThrownBy(() -> HttpServer.start("127.0.0.1", first.port(), List.of()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("cannot serve HTTP on 127.0.0.1:" + first.port() + ": ");
    }
  }

  private String get(HttpServer server, String path) throws Exception {
    HttpResponse<String> response =
        client.send(
            HttpRequest.newBuilder(uri(server, path)).build(),
            HttpResponse.BodyHandlers.ofString());
    return response.statusCode() + " " + response.body();
  }

  private static URI uri(HttpServer server, String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }
}
