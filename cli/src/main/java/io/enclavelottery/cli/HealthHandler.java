package io.enclavelottery.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * {@code GET /health}: the {@link HealthReport} as JSON, 200 when healthy or degraded, 503 on
 * error. Reads statuses the keeper keeps in memory, so it answers on the I/O thread.
 */
final class HealthHandler implements HttpHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<HealthReport> report;

  HealthHandler(Supplier<HealthReport> report) {
    this.report = Objects.requireNonNull(report, "report");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    HealthReport current = report.get();
    exchange.setStatusCode(current.serving() ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(JSON.writeValueAsString(current));
  }
}
