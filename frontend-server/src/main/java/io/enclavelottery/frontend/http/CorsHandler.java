package io.enclavelottery.frontend.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.List;
import java.util.Set;

/**
 * Cross-origin access for browsers: closed unless origins are configured. An allowed origin's
 * requests get {@code Access-Control-Allow-Origin} (GET only, no credentials) and its preflight
 * requests 204; a preflight from any other origin gets 403.
 */
public final class CorsHandler implements HttpHandler {

  private static final HttpString ALLOW_ORIGIN = new HttpString("Access-Control-Allow-Origin");
  private static final HttpString ALLOW_METHODS = new HttpString("Access-Control-Allow-Methods");
  private static final HttpString ALLOW_HEADERS = new HttpString("Access-Control-Allow-Headers");
  private static final HttpString MAX_AGE = new HttpString("Access-Control-Max-Age");
  private static final HttpString REQUEST_METHOD = new HttpString("Access-Control-Request-Method");

  private final HttpHandler next;
  private final boolean anyOrigin;
  private final Set<String> origins;

  public CorsHandler(HttpHandler next, List<String> allowedOrigins) {
    this.next = next;
    this.anyOrigin = allowedOrigins.contains("*");
    this.origins = Set.copyOf(allowedOrigins);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String origin = exchange.getRequestHeaders().getFirst(Headers.ORIGIN);
    boolean preflight =
        exchange.getRequestMethod().equals(Methods.OPTIONS)
            && exchange.getRequestHeaders().contains(REQUEST_METHOD);
    if (origin == null) {
      next.handleRequest(exchange);
      return;
    }
    boolean allowed = anyOrigin || origins.contains(origin);
    if (preflight) {
      if (!allowed) {
        JsonResponses.error(
            exchange, 403, "cross-origin requests from this origin are not allowed");
        return;
      }
      HeaderMap headers = exchange.getResponseHeaders();
      allowOrigin(headers, origin);
      headers.put(ALLOW_METHODS, "GET");
      headers.put(ALLOW_HEADERS, "Content-Type");
      headers.put(MAX_AGE, "600");
      exchange.setStatusCode(204);
      exchange.endExchange();
      return;
    }
    if (allowed) {
      allowOrigin(exchange.getResponseHeaders(), origin);
    }
    next.handleRequest(exchange);
  }

  private void allowOrigin(HeaderMap headers, String origin) {
    headers.put(ALLOW_ORIGIN, anyOrigin ? "*" : origin);
    if (!anyOrigin) {
      headers.add(Headers.VARY, "Origin");
    }
  }
}
