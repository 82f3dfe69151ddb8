package io.enclavelottery.cli;

import io.undertow.server.HttpHandler;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.util.Objects;

/**
 * One route of the process's single HTTP server: a method, a path template (Undertow's, such as
 * {@code /api/rounds/{id}} or {@code /assets/*}) and its handler. Each module brings its routes;
 * {@link HttpServer} serves them all on one port.
 *
 * @param method the HTTP method
 * @param path the path template
 * @param handler what answers; it must not block an I/O thread (dispatch blocking work)
 */
record HttpRoute(HttpString method, String path, HttpHandler handler) {

  HttpRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(handler, "handler");
    if (!path.startsWith("/")) {
      throw new IllegalArgumentException("a route's path starts with /: " + path);
    }
  }

  static HttpRoute get(String path, HttpHandler handler) {
    return new HttpRoute(Methods.GET, path, handler);
  }
}
