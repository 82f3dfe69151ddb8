package io.enclavelottery.operator.keeper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The host between the keeper and the enclave signer, played by a test: it passes every request to
 * the real signing port, except that for the paths it was told to forge it answers itself, with a
 * body made from the request's.
 */
final class TamperingSigningPort implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI signer;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<String, Function<JsonNode, Map<String, Object>>> forged =
      new ConcurrentHashMap<>();

  /** Serves on a free loopback port in front of the signing port at {@code signer}. */
  TamperingSigningPort(URI signer) throws IOException {
    this.signer = signer;
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /** The keeper's settings {@code direct} for the signer, its signing port reached through here. */
  OperatorSigning.Enclave inFrontOf(OperatorSigning.Enclave direct) {
    return new OperatorSigning.Enclave(
        url(),
        direct.attestationUrl(),
        direct.expectedPcrs(),
        direct.trustSoftwareNsm(),
        direct.timeout(),
        direct.keyToInject());
  }

  /** From now on answers {@code path} (e.g. {@code sign}) with {@code answer} of the request. */
  void forge(String path, Function<JsonNode, Map<String, Object>> answer) {
    forged.put(path, answer);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] request;
      try (InputStream in = exchange.getRequestBody()) {
        request = in.readAllBytes();
      }
      String path = exchange.getRequestURI().getPath().substring(1);
      Function<JsonNode, Map<String, Object>> answer = forged.get(path);
      if (answer != null) {
        reply(exchange, 200, JSON.writeValueAsBytes(answer.apply(JSON.readTree(request))));
        return;
      }
      HttpRequest.Builder forward =
          HttpRequest.newBuilder(signer.resolve(exchange.getRequestURI().toString().substring(1)));
      if ("POST".equals(exchange.getRequestMethod())) {
        forward.header("Content-Type", "application/json");
        forward.POST(HttpRequest.BodyPublishers.ofByteArray(request));
      }
      HttpResponse<byte[]> response;
      try {
        response = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        reply(exchange, 502, new byte[0]);
        return;
      }
      reply(exchange, response.statusCode(), response.body());
    }
  }

  private static void reply(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
