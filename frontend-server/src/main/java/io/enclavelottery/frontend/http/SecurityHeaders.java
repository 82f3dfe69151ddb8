package io.enclavelottery.frontend.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.HeaderMap;
import io.undertow.util.HttpString;

/**
 * Adds the headers that keep browsers safe with what this server sends: no content sniffing, no
 * framing by other sites, no referrer to other origins, and a Content Security Policy — strict for
 * API responses (nothing may load), and for the UI: own scripts, styles and connections only (the
 * wallet is the browser's own extension; the WebSocket feed is same-origin).
 */
public final class SecurityHeaders implements HttpHandler {

  /** For the UI's pages. {@code 'self'} covers same-origin {@code ws:}/{@code wss:} too (CSP 3). */
  public static final String UI_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
          + " img-src 'self' data:; font-src 'self'; connect-src 'self';"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** For everything else (JSON, metrics). */
  public static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  private static final HttpString CSP = new HttpString("Content-Security-Policy");
  private static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");
  private static final HttpString FRAME = new HttpString("X-Frame-Options");
  private static final HttpString REFERRER = new HttpString("Referrer-Policy");

  private final HttpHandler next;

  public SecurityHeaders(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    HeaderMap headers = exchange.getResponseHeaders();
    headers.put(NOSNIFF, "nosniff");
    headers.put(FRAME, "DENY");
    headers.put(REFERRER, "strict-origin-when-cross-origin");
    headers.put(CSP, API_POLICY);
    next.handleRequest(exchange);
  }

  /** Replaces the API policy with the UI's, for a page of the UI. */
  static void useUiPolicy(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(CSP, UI_POLICY);
  }
}
