package io.enclavelottery.frontend.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/**
 * A real WebSocket client (the JDK's) that keeps every message it receives, parsed. It reads
 * everything, and the JDK answers pings with pongs, as a browser does.
 */
final class FeedClient implements WebSocket.Listener, AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
  private final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  private FeedClient() {}

  static FeedClient connect(HttpClient http, URI uri) {
    return connectAsync(http, uri).join();
  }

  static FeedClient connect(URI uri) {
    return connect(HttpClient.newHttpClient(), uri);
  }

  static CompletableFuture<FeedClient> connectAsync(HttpClient http, URI uri) {
    FeedClient client = new FeedClient();
    return http.newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(20))
        .buildAsync(uri, client)
        .thenApply(
            socket -> {
              client.socket = socket;
              return client;
            });
  }

  @Override
  public void onOpen(WebSocket webSocket) {
    webSocket.request(Long.MAX_VALUE);
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        messages.add(JSON.readTree(partial.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      partial.setLength(0);
    }
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closedWith.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closedWith.complete(-1);
  }

  List<JsonNode> messages() {
    return new ArrayList<>(messages);
  }

  List<String> types() {
    return messages.stream().map(m -> m.path("type").asText()).toList();
  }

  /** The first message matching, waiting up to {@code timeout} for it. */
  JsonNode await(Predicate<JsonNode> match, Duration timeout) {
    Awaitility.await()
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(5))
        .atMost(timeout)
        .until(() -> find(match).isPresent());
    return find(match).orElseThrow();
  }

  JsonNode awaitType(String type) {
    return await(m -> type.equals(m.path("type").asText()), Duration.ofSeconds(10));
  }

  Optional<JsonNode> find(Predicate<JsonNode> match) {
    return messages.stream().filter(match).findFirst();
  }

  boolean isClosed() {
    return closedWith.isDone();
  }

  /** The close code the server sent (-1 for a broken connection); waits until closed. */
  int awaitClose(Duration timeout) {
    Awaitility.await().atMost(timeout).until(closedWith::isDone);
    return closedWith.join();
  }

  void sendText(String text) {
    socket.sendText(text, true).join();
  }

  void sendBinary(byte[] data) {
    socket.sendBinary(ByteBuffer.wrap(data), true).join();
  }

  @Override
  public void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    if (socket != null) {
      socket.abort();
    }
  }
}
