package io.enclavelottery.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.operator.reconciler.ControllerHealth;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One of the controller's Kubernetes probes ({@code /healthz}, {@code /readyz}): 200 when the
 * controller's health passes the probe's test, else 503, with the health as JSON either way (state,
 * role in the leader election, the lease holder, problems in words). The health is kept in memory,
 * so it answers on the I/O thread.
 */
final class ProbeHandler implements HttpHandler {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Supplier<ControllerHealth> health;
  private final Predicate<ControllerHealth> passes;

  ProbeHandler(Supplier<ControllerHealth> health, Predicate<ControllerHealth> passes) {
    this.health = Objects.requireNonNull(health, "health");
    this.passes = Objects.requireNonNull(passes, "passes");
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    ControllerHealth current = health.get();
    exchange.setStatusCode(passes.test(current) ? StatusCodes.OK : StatusCodes.SERVICE_UNAVAILABLE);
    exchange.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
    exchange.getResponseHeaders().put(Headers.CACHE_CONTROL, "no-store");
    exchange.getResponseSender().send(JSON.writeValueAsString(body(current)));
  }

  private static Map<String, Object> body(ControllerHealth health) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("state", health.state().name().toLowerCase(Locale.ROOT));
    body.put("role", health.role().name().toLowerCase(Locale.ROOT));
    body.put("identity", health.identity().orElse(null));
    body.put("leader", health.leader().orElse(null));
    body.put("problems", health.problems());
    return body;
  }
}
