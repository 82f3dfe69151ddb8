package io.enclavelottery.cli;

import io.enclavelottery.operator.reconciler.ControllerHealth;
import io.enclavelottery.operator.reconciler.ControllerOptions;
import io.enclavelottery.operator.reconciler.LotteryController;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code lottery operator}'s process, wired by hand: the Kubernetes controller on a client, and one
 * small HTTP server with its liveness probe ({@code /healthz}), readiness probe ({@code /readyz})
 * and, when asked for, {@code /metrics} (JOSDK's reconcile meters and the keepers' meters). The
 * server answers while the informers sync, so a slow start is live but not ready.
 */
final class ControllerProcess implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ControllerProcess.class);

  private final LotteryController controller;
  private final HttpServer server;

  private ControllerProcess(LotteryController controller, HttpServer server) {
    this.controller = controller;
    this.server = server;
  }

  /**
   * Serves the probes, then starts the controller and waits for its informers to sync.
   *
   * @throws IllegalStateException when the address cannot be bound or the controller cannot start
   *     (nothing keeps running; the client stays open)
   */
  static ControllerProcess start(
      KubernetesClient client, ControllerOptions options, String host, int port, boolean metrics) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    LotteryController controller = LotteryController.create(client, registry, options);
    List<HttpRoute> routes = new ArrayList<>();
    routes.add(
        HttpRoute.get("/healthz", new ProbeHandler(controller::health, ControllerHealth::live)));
    routes.add(
        HttpRoute.get("/readyz", new ProbeHandler(controller::health, ControllerHealth::ready)));
    if (metrics) {
      routes.add(HttpRoute.get("/metrics", new MetricsHandler(registry)));
    }
    HttpServer server;
    try {
      server = HttpServer.start(host, port, routes);
    } catch (RuntimeException e) {
      controller.close();
      throw e;
    }
    LOG.info(
        "serving http://{}:{} (/healthz, /readyz{}); starting the controller against {}",
        host,
        server.port(),
        metrics ? ", /metrics" : "",
        client.getMasterUrl());
    try {
      controller.start();
    } catch (RuntimeException e) {
      server.close();
      controller.close();
      throw new IllegalStateException(
          "the controller could not start against "
              + client.getMasterUrl()
              + ": "
              + HttpServer.rootMessage(e)
              + " (is the API server reachable, the LotteryRound CRD installed, and are the RBAC"
              + " rules granted?)",
          e);
    }
    LOG.info("the controller runs: {}", options);
    return new ControllerProcess(controller, server);
  }

  int port() {
    return server.port();
  }

  /** Completes once this replica lost the lease and stopped acting. */
  CompletionStage<Void> leadershipLost() {
    return controller.leadershipLost();
  }

  @Override
  public void close() {
    server.close();
    controller.close();
    LOG.info("stopped");
  }
}
