package io.enclavelottery.cli;

import io.enclavelottery.operator.keeper.KeeperListener;
import io.enclavelottery.operator.keeper.StandaloneKeeper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lottery run}'s process, wired by hand: the standalone keeper of one contract, a Prometheus
 * registry, and the one HTTP server with {@code GET /health} and {@code GET /metrics} plus any
 * routes other modules bring (the feed joins here).
 */
final class StandaloneRun implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StandaloneRun.class);

  private final StandaloneKeeper keeper;
  private final HttpServer server;

  private StandaloneRun(StandaloneKeeper keeper, HttpServer server) {
    this.keeper = keeper;
    this.server = server;
  }

  /**
   * Starts keeping the contract and serving HTTP.
   *
   * @param extraRoutes routes of other modules, served by the same server
   * @throws IllegalStateException when the HTTP address cannot be bound (nothing keeps running)
   */
  static StandaloneRun start(RunConfig config, List<HttpRoute> extraRoutes) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StandaloneKeeper keeper =
        StandaloneKeeper.start(config.keeperSettings(), registry, KeeperListener.none());
    List<HttpRoute> routes = new ArrayList<>();
    routes.add(
        HttpRoute.get(
            "/health",
            new HealthHandler(
                () ->
                    HealthReport.of(
                        keeper.status(),
                        keeper.followerStatus(),
                        keeper.chainId(),
                        keeper.latestBlock()))));
    routes.add(HttpRoute.get("/metrics", new MetricsHandler(registry)));
    routes.addAll(extraRoutes);
    HttpServer server;
    try {
      server = HttpServer.start(config.serverHost(), config.serverPort(), routes);
    } catch (RuntimeException e) {
      keeper.close();
      throw e;
    }
    LOG.info(
        "serving http://{}:{} (/health, /metrics); keeping {}",
        config.serverHost(),
        server.port(),
        config);
    return new StandaloneRun(keeper, server);
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    keeper.close();
    LOG.info("stopped");
  }
}
