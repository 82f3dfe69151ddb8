package io.enclavelottery.cli;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import java.util.List;

/**
 * {@code GET /metrics}: every meter of the process in Prometheus' text format. A scrape walks all
 * meters, so it runs on a worker thread, not the I/O thread.
 */
final class MetricsHandler implements HttpHandler {

  private static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

  private final List<PrometheusMeterRegistry> registries;

  /** Serves the meters of every registry, one after the other (their meter names differ). */
  MetricsHandler(PrometheusMeterRegistry... registries) {
    this.registries = List.of(registries);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this);
      return;
    }
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, TEXT_FORMAT);
    StringBuilder text = new StringBuilder();
    registries.forEach(registry -> text.append(registry.scrape()));
    exchange.getResponseSender().send(text.toString());
  }
}
