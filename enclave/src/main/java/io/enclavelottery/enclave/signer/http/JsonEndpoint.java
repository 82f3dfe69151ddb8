package io.enclavelottery.enclave.signer.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.enclave.signer.SignerRefusal;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.Methods;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link JsonRoute} on a worker thread (signing and NSM calls block), reads its JSON body
 * for POST, and writes its answer; a refusal becomes its status with {@code {"error": "..."}}, any
 * other failure a 500 that names only the exception's kind (its message might carry data).
 */
final class JsonEndpoint implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(JsonEndpoint.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final JsonRoute route;

  JsonEndpoint(String name, JsonRoute route) {
    this.name = Objects.requireNonNull(name, "name");
    this.route = Objects.requireNonNull(route, "route");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    exchange.startBlocking();
    try {
      RequestBody body =
          exchange.getRequestMethod().equals(Methods.POST)
              ? RequestBody.read(exchange.getInputStream())
              : RequestBody.empty();
      Object answer = route.answer(exchange, body);
      if (answer instanceof JsonRoute.BinaryBody binary) {
        send(exchange, 200, binary.contentType(), binary.bytes());
      } else {
        send(exchange, 200, "application/json", JSON.writeValueAsBytes(answer));
      }
    } catch (SignerRefusal refusal) {
      LOG.warn("{} refused: {}", name, refusal.getMessage());
      sendError(exchange, refusal.kind().httpStatus(), refusal.getMessage());
    } catch (RuntimeException e) {
      LOG.error("{} failed ({})", name, e.getClass().getName());
      sendError(exchange, 500, "internal error (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static void sendError(HttpServerExchange exchange, int status, String message)
      throws Exception {
    send(exchange, status, "application/json", JSON.writeValueAsBytes(Map.of("error", message)));
  }

  private static void send(HttpServerExchange exchange, int status, String type, byte[] bytes) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, type);
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(ByteBuffer.wrap(bytes));
  }
}
