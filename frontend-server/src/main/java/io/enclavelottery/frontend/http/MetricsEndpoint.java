package io.enclavelottery.frontend.http;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;

/** {@code GET /metrics}: the registry in Prometheus' text format, rendered on a worker thread. */
final class MetricsEndpoint implements HttpHandler {

  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry;

  MetricsEndpoint(PrometheusMeterRegistry registry) {
    this.registry = registry;
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
