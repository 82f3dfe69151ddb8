package io.enclavelottery.chain.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A JSON-RPC proxy over HTTP in front of a node that counts the requests passing through it, by
 * method (a batch counts each request in it), so a benchmark can tell how many requests a process
 * sends per block.
 */
public final class CountingRpcProxy implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI node;
  private final HttpServer server;
  private final ExecutorService handlers = Executors.newFixedThreadPool(8);
  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<String, LongAdder> byMethod = new ConcurrentHashMap<>();

  private CountingRpcProxy(String nodeUrl) throws IOException {
    // else Nagle's algorithm meets the client's delayed ACK and every answer waits 40 ms
    System.setProperty("sun.net.httpserver.nodelay", "true");
    this.node = URI.create(nodeUrl);
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.createContext("/", this::forward);
    server.setExecutor(handlers);
    server.start();
  }

  /** A proxy on a free local port for the node at {@code nodeUrl} (plain HTTP). */
  public static CountingRpcProxy start(String nodeUrl) {
    try {
      return new CountingRpcProxy(nodeUrl);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL to give clients instead of the node's. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Forgets the counts so far. */
  public void reset() {
    byMethod.clear();
  }

  /** Requests since the last reset, in all. */
  public long total() {
    return byMethod.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Requests since the last reset, by method. */
  public Map<String, Long> byMethod() {
    Map<String, Long> counts = new TreeMap<>();
    byMethod.forEach((method, count) -> counts.put(method, count.sum()));
    return counts;
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      count(body);
      HttpResponse<byte[]> answer;
      try {
        answer =
            client.send(
                HttpRequest.newBuilder(node)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(503, -1);
        return;
      } catch (IOException e) {
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(answer.statusCode(), answer.body().length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(answer.body());
      }
    }
  }

  private void count(byte[] body) {
    JsonNode request;
    try {
      request = JSON.readTree(body);
    } catch (IOException e) {
      byMethod.computeIfAbsent("(unreadable)", m -> new LongAdder()).increment();
      return;
    }
    if (request.isArray()) {
      request.forEach(this::countOne);
    } else {
      countOne(request);
    }
  }

  private void countOne(JsonNode request) {
    byMethod.computeIfAbsent(request.path("method").asText("?"), m -> new LongAdder()).increment();
  }
}
