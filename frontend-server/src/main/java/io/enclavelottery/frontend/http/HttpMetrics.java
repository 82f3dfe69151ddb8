package io.enclavelottery.frontend.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request into {@code http_server_requests_seconds}, tagged by route (the route's
 * template, such as {@code /api/rounds/{id}/verification}, never the raw path, so a client cannot
 * make up new series), method and status class. Routes name themselves with {@link #route}.
 */
public final class HttpMetrics implements HttpHandler {

  private static final AttachmentKey<String> ROUTE = AttachmentKey.create(String.class);
  private static final String UNMATCHED = "unmatched";
  private static final Set<String> METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");

  private final HttpHandler next;
  private final MeterRegistry registry;
  private final Map<String, Timer> timers = new ConcurrentHashMap<>();

  public HttpMetrics(HttpHandler next, MeterRegistry registry) {
    this.next = next;
    this.registry = registry;
  }

  /** A handler that names the route of the requests it handles, then runs {@code handler}. */
  public static HttpHandler route(String name, HttpHandler handler) {
    return exchange -> {
      exchange.putAttachment(ROUTE, name);
      handler.handleRequest(exchange);
    };
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    long start = System.nanoTime();
    exchange.addExchangeCompleteListener(
        (done, nextListener) -> {
          try {
            timer(done).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
          } finally {
            nextListener.proceed();
          }
        });
    next.handleRequest(exchange);
  }

  private Timer timer(HttpServerExchange exchange) {
    String named = exchange.getAttachment(ROUTE);
    String route = named == null ? UNMATCHED : named;
    String requested = exchange.getRequestMethod().toString();
    String method = METHODS.contains(requested) ? requested : "other";
    String status = (exchange.getStatusCode() / 100) + "xx";
    return timers.computeIfAbsent(
        route + ' ' + method + ' ' + status,
        key ->
            Timer.builder("http.server.requests")
                .description("HTTP requests by route, method and status class")
                .tag("route", route)
                .tag("method", method)
                .tag("status", status)
                .register(registry));
  }
}
