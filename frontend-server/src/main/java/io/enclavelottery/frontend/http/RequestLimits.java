package io.enclavelottery.frontend.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Optional;

/**
 * Refuses, before any route runs, a body larger than the limit (413; the API reads no bodies) and a
 * client over its request rate (429 with {@code Retry-After}). Health, readiness and metrics are
 * exempt from the rate: probes and scrapers must always get through.
 */
public final class RequestLimits implements HttpHandler {

  private final HttpHandler next;
  private final long maxBodyBytes;
  private final Optional<RateLimiter> rate;
  private final ClientAddresses clients;

  public RequestLimits(
      HttpHandler next, long maxBodyBytes, Optional<RateLimiter> rate, ClientAddresses clients) {
    this.next = next;
    this.maxBodyBytes = maxBodyBytes;
    this.rate = rate;
    this.clients = clients;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (exchange.getRequestContentLength() > maxBodyBytes
        || (exchange.getRequestContentLength() < 0 && isChunked(exchange))) {
      // the body is never read: close the connection rather than drain it
      exchange.setPersistent(false);
      JsonResponses.error(
          exchange, 413, "request body too large (at most " + maxBodyBytes + " bytes)");
      return;
    }
    if (rate.isPresent() && !isExempt(exchange.getRequestPath())) {
      RateLimiter limiter = rate.get();
      if (!limiter.tryAcquire(clients.of(exchange))) {
        exchange
            .getResponseHeaders()
            .put(Headers.RETRY_AFTER, Long.toString(limiter.retryAfterSeconds()));
        JsonResponses.error(exchange, 429, "too many requests; slow down");
        return;
      }
    }
    next.handleRequest(exchange);
  }

  /** A body of unknown length: refused too, since nothing here reads one. */
  private static boolean isChunked(HttpServerExchange exchange) {
    return exchange.getRequestHeaders().contains(Headers.TRANSFER_ENCODING);
  }

  private static boolean isExempt(String path) {
    return path.equals("/health")
        || path.equals("/api/health")
        || path.equals("/ready")
        || path.equals("/metrics");
  }
}
