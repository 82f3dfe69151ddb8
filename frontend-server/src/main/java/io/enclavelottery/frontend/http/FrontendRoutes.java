package io.enclavelottery.frontend.http;

import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.verify.DrawVerifier;
import io.enclavelottery.frontend.view.LotteryView;
import io.enclavelottery.frontend.view.ViewLimits;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.server.handlers.PathHandler;
import java.util.Optional;

/**
 * Every HTTP route of the frontend server, composed into one root handler: the REST API, health,
 * readiness and metrics, the static UI, and whatever is {@link #mount mounted} beside them (the
 * WebSocket feed). Every request passes, outermost first, through metrics, JSON errors, security
 * headers, CORS and the request limits.
 *
 * <p>Embed it in any Undertow server (as {@code ./lottery run} does) or let {@link
 * io.enclavelottery.frontend.FrontendServer} serve it.
 */
public final class FrontendRoutes {

  /** What the routes answer from. */
  public record Sources(
      LotteryView view,
      ViewLimits limits,
      LotteryContract contract,
      DrawVerifier verifier,
      HealthCheck health,
      PrometheusMeterRegistry registry,
      Optional<AttestationSource> attestation,
      ChainReadPool reads) {}

  private final PathHandler others;
  private final ClientAddresses clients;
  private final HttpHandler root;

  public FrontendRoutes(Sources sources, HttpSettings settings, Optional<RateLimiter> rate) {
    this.clients = new ClientAddresses(settings.trustedProxies());
    HttpHandler files =
        settings
            .staticDir()
            .map(StaticFiles::folder)
            .or(() -> StaticFiles.bundled(FrontendRoutes.class.getClassLoader()))
            .<HttpHandler>map(Compression::gzip)
            .orElse(ErrorResponses.fixed(404, "not found"));
    this.others =
        new PathHandler(HttpMetrics.route("static", files))
            .addPrefixPath("/api", ErrorResponses.fixed(404, "no such endpoint"));
    RoutingHandler routes =
        api(sources)
            .setFallbackHandler(others)
            .setInvalidMethodHandler(ErrorResponses.fixed(405, "method not allowed"));
    HttpHandler limited = new RequestLimits(routes, settings.maxBodyBytes(), rate, clients);
    this.root =
        new HttpMetrics(
            new ErrorResponses(
                new SecurityHeaders(new CorsHandler(limited, settings.corsOrigins()))),
            sources.registry());
  }

  /** The handler to give Undertow. */
  public HttpHandler handler() {
    return root;
  }

  /**
   * Serves {@code prefix} (such as {@code /ws}) with {@code handler}, behind the same limits and
   * headers as the rest but without compression. Call before the server starts.
   */
  public FrontendRoutes mount(String prefix, HttpHandler handler) {
    others.addPrefixPath(prefix, HttpMetrics.route(prefix, handler));
    return this;
  }

  /** How client addresses are told (for per-client limits of mounted handlers). */
  public ClientAddresses clientAddresses() {
    return clients;
  }

  private static RoutingHandler api(Sources s) {
    ViewEndpoints view = new ViewEndpoints(s.view(), s.limits());
    HealthEndpoints health = new HealthEndpoints(s.health(), s.view());
    PlayerEndpoint player = new PlayerEndpoint(s.view(), s.contract(), s.reads());
    VerificationEndpoint verification = new VerificationEndpoint(s.view(), s.verifier(), s.reads());
    AttestationEndpoint attestation = new AttestationEndpoint(s.attestation(), s.reads());
    RoutingHandler routes = new RoutingHandler(false);
    get(routes, "/health", health::health, false);
    get(routes, "/api/health", health::health, false);
    get(routes, "/ready", health::ready, false);
    get(routes, "/metrics", new MetricsEndpoint(s.registry()), true);
    get(routes, "/api/status", view::status, true);
    get(routes, "/api/round/status", view::roundStatus, true);
    get(routes, "/api/round/participants", view::participants, true);
    get(routes, "/api/round/player", player::handle, false);
    get(routes, "/api/history", view::history, true);
    get(routes, "/api/activities", view::activities, true);
    get(routes, "/api/contract/config", view::contractConfig, false);
    get(routes, "/api/contract/address", view::contractAddress, false);
    get(routes, "/api/rounds/{id}/verification", verification::handle, false);
    get(routes, "/api/attestation", attestation::handle, false);
    return routes;
  }

  private static void get(
      RoutingHandler routes, String template, HttpHandler handler, boolean compressible) {
    routes.get(
        template, HttpMetrics.route(template, compressible ? Compression.gzip(handler) : handler));
  }
}
