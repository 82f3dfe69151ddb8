package io.enclavelottery.frontend.http;

import io.enclavelottery.frontend.view.LotteryView;
import io.enclavelottery.frontend.view.SyncStatus;
import io.undertow.server.HttpServerExchange;

/**
 * {@code /health} (and {@code /api/health}): 200 while healthy or degraded (the process is alive
 * and serves what it knows), 503 on error. {@code /ready}: 503 until the view's first backfill is
 * done, then 200.
 */
final class HealthEndpoints {

  /** What {@code /ready} answers when ready. */
  record Ready(boolean ready, long viewBlock) {}

  private final HealthCheck check;
  private final LotteryView view;

  HealthEndpoints(HealthCheck check, LotteryView view) {
    this.check = check;
    this.view = view;
  }

  void health(HttpServerExchange exchange) {
    HealthCheck.Report report = check.report();
    JsonResponses.send(exchange, report.status() == HealthCheck.Status.ERROR ? 503 : 200, report);
  }

  void ready(HttpServerExchange exchange) {
    SyncStatus sync = view.snapshot().sync();
    if (!sync.ready()) {
      JsonResponses.error(
          exchange,
          503,
          "not ready: rebuilding the view from the chain (at block "
              + sync.viewBlock()
              + " of "
              + sync.latestBlock()
              + ")");
      return;
    }
    JsonResponses.send(exchange, 200, new Ready(true, sync.viewBlock()));
  }
}
