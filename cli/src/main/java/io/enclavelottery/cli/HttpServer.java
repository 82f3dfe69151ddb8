package io.enclavelottery.cli;

import io.undertow.Undertow;
import io.undertow.server.HttpHandler;
import io.undertow.server.RoutingHandler;
import io.undertow.util.StatusCodes;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;

/**
 * The process's one HTTP server: Undertow on one host and port, answering every {@link HttpRoute}
 * the process's modules bring (the keeper's health and metrics), a fallback for every other path
 * (the feed server's routes in {@code lottery run}, else 404) and 405 for a known path with another
 * method.
 */
final class HttpServer implements AutoCloseable {

  private final Undertow undertow;

  private HttpServer(Undertow undertow) {
    this.undertow = undertow;
  }

  /**
   * Starts serving {@code routes} on {@code host:port}.
   *
   * @throws IllegalStateException when the address cannot be bound (in use, not local)
   */
  static HttpServer start(String host, int port, List<HttpRoute> routes) {
    return start(
        host,
        port,
        routes,
        exchange -> {
          exchange.setStatusCode(StatusCodes.NOT_FOUND);
          exchange.getResponseSender().send("not found\n");
        });
  }

  /**
   * Starts serving {@code routes} on {@code host:port}, and {@code fallback} for every path no
   * route names (another module's whole route tree, such as the feed server's).
   *
   * @throws IllegalStateException when the address cannot be bound (in use, not local)
   */
  static HttpServer start(String host, int port, List<HttpRoute> routes, HttpHandler fallback) {
    Objects.requireNonNull(routes, "routes");
    Objects.requireNonNull(fallback, "fallback");
    RoutingHandler routing = new RoutingHandler();
    routes.forEach(route -> routing.add(route.method(), route.path(), route.handler()));
    routing.setFallbackHandler(fallback);
    routing.setInvalidMethodHandler(
        exchange -> {
          exchange.setStatusCode(StatusCodes.METHOD_NOT_ALLOWED);
          exchange.getResponseSender().send("method not allowed\n");
        });
    Undertow undertow = Undertow.builder().addHttpListener(port, host).setHandler(routing).build();
    try {
      undertow.start();
    } catch (RuntimeException e) {
      undertow.stop();
      throw new IllegalStateException(
          "cannot serve HTTP on " + host + ":" + port + ": " + rootMessage(e), e);
    }
    return new HttpServer(undertow);
  }

  /** The port it listens on. */
  int port() {
    return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  @Override
  public void close() {
    undertow.stop();
  }

  static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
