package io.enclavelottery.cli;

import io.enclavelottery.frontend.FrontendApp;
import io.enclavelottery.frontend.FrontendConfig;
import io.enclavelottery.frontend.SharedChain;
import io.enclavelottery.frontend.StartupException;
import io.enclavelottery.frontend.http.AttestationSource;
import io.enclavelottery.frontend.http.ErrorResponses;
import io.enclavelottery.operator.keeper.KeeperListener;
import io.enclavelottery.operator.keeper.OperatorSigning;
import io.enclavelottery.operator.keeper.StandaloneKeeper;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lottery run}'s process, wired by hand: the standalone keeper of one contract and the feed
 * server's app (view, REST API, WebSocket feed) over the same contract, the feed reading and
 * following through the keeper's connection and follower (one {@code eth_getLogs} per block for
 * both), behind one HTTP server: {@code GET /health} is the keeper's, {@code GET /metrics} has both
 * modules' meters, and every other path is the feed server's. When the feed cannot start (the node
 * is not what was configured), the keeper still runs and the feed's paths answer 503 with the
 * reason.
 */
final class StandaloneRun implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(StandaloneRun.class);

  private final StandaloneKeeper keeper;
  private final Optional<FrontendApp> feed;
  private final HttpServer server;

  private StandaloneRun(StandaloneKeeper keeper, Optional<FrontendApp> feed, HttpServer server) {
    this.keeper = keeper;
    this.feed = feed;
    this.server = server;
  }

  /**
   * Starts keeping the contract, following it for the keeper and the feed, and serving HTTP.
   *
   * @throws IllegalStateException when the HTTP address cannot be bound (nothing keeps running)
   */
  static StandaloneRun start(RunConfig config, FrontendConfig feedConfig) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    StandaloneKeeper keeper =
        StandaloneKeeper.start(config.keeperSettings(), registry, KeeperListener.none());
    Optional<FrontendApp> feed = Optional.empty();
    HttpHandler feedRoutes;
    try {
      feed =
          Optional.of(
              FrontendApp.start(
                  feedConfig,
                  attestation(config),
                  new SharedChain(keeper.reads(), keeper.follower())));
      feedRoutes = feed.get().routes().handler();
    } catch (StartupException e) {
      LOG.error("the feed is not running: {}", e.getMessage());
      feedRoutes = ErrorResponses.fixed(503, "the feed is not running: " + e.getMessage());
    }
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
    routes.add(
        HttpRoute.get(
            "/metrics",
            feed.map(app -> new MetricsHandler(registry, app.registry()))
                .orElseGet(() -> new MetricsHandler(registry))));
    HttpServer server;
    try {
      server = HttpServer.start(config.serverHost(), config.serverPort(), routes, feedRoutes);
    } catch (RuntimeException e) {
      feed.ifPresent(FrontendApp::close);
      keeper.close();
      throw e;
    }
    LOG.info(
        "serving http://{}:{} (/health, /metrics, the API and the feed on /ws); keeping {}",
        config.serverHost(),
        server.port(),
        config);
    return new StandaloneRun(keeper, feed, server);
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.close();
    feed.ifPresent(FrontendApp::close);
    keeper.close();
    LOG.info("stopped");
  }

  /** The signer's attestation port for the feed's {@code /api/attestation}, when it signs. */
  private static Optional<AttestationSource> attestation(RunConfig config) {
    if (config.signing() instanceof OperatorSigning.Enclave enclave) {
      return Optional.of(new SignerAttestationSource(enclave.attestationUrl(), enclave.timeout()));
    }
    return Optional.empty();
  }
}
