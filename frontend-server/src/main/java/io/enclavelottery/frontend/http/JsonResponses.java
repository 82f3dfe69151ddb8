package io.enclavelottery.frontend.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.frontend.view.ViewJson;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.nio.ByteBuffer;
import java.util.Map;

/** Writes JSON responses in the view's wire shape ({@link ViewJson}). */
public final class JsonResponses {

  public static final String CONTENT_TYPE = "application/json; charset=utf-8";

  private static final ObjectMapper MAPPER = ViewJson.mapper();

  private JsonResponses() {}

  /** The value as JSON bytes. */
  public static byte[] bytes(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
    }
  }

  /** Sends the value as JSON with the status and ends the exchange. */
  public static void send(HttpServerExchange exchange, int status, Object value) {
    send(exchange, status, bytes(value));
  }

  /** Sends bytes that already are JSON. */
  public static void send(HttpServerExchange exchange, int status, byte[] json) {
    exchange.setStatusCode(status);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, CONTENT_TYPE);
    exchange.getResponseSender().send(ByteBuffer.wrap(json));
  }

  /** Sends {@code {"error": message}} with the status. */
  public static void error(HttpServerExchange exchange, int status, String message) {
    send(exchange, status, Map.of("error", message));
  }
}
