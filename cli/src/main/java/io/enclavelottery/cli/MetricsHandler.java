package io.enclavelottery.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.Objects;

/**
 * {@code GET /metrics}: every meter of the process in Prometheus' text format. A scrape walks all
 * meters, so it runs on a worker thread, not the I/O thread.
 */
final class MetricsHandler implements HttpHandler {

  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  MetricsHandler(PrometheusMeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, TEXT_FORMAT);
    exchange.getResponseSender().send(registry.scrape());
  }
}
