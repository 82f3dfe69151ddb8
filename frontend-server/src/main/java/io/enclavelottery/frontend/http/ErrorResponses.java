package io.enclavelottery.frontend.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.StatusCodes;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every failure below it into a JSON {@code {"error": …}} response: an {@link HttpProblem}
 * with its own status and message, anything else as 500 with a generic message (the details go to
 * the log, never to the client). Also answers for Undertow's own default responses with no body.
 */
public final class ErrorResponses implements HttpHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

  private final HttpHandler next;

  public ErrorResponses(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    exchange.addDefaultResponseListener(ErrorResponses::writeDefaultBody);
    try {
      next.handleRequest(exchange);
    } catch (HttpProblem problem) {
      respond(exchange, problem);
    } catch (Exception e) {
      LOG.error("request {} {} failed", exchange.getRequestMethod(), exchange.getRequestPath(), e);
      if (!exchange.isResponseStarted()) {
        JsonResponses.error(exchange, 500, "internal error");
      } else {
        exchange.endExchange();
      }
    }
  }

  /** Sends the problem as JSON, unless a response is already on its way. */
  public static void respond(HttpServerExchange exchange, HttpProblem problem) {
    if (!exchange.isResponseStarted()) {
      JsonResponses.error(exchange, problem.status(), problem.getMessage());
    }
  }

  /** The response Undertow would send with an empty body (a status set, nothing written). */
  private static boolean writeDefaultBody(HttpServerExchange exchange) {
    if (exchange.isResponseStarted() || exchange.getStatusCode() < 400) {
      return false;
    }
    int status = exchange.getStatusCode();
    JsonResponses.error(exchange, status, StatusCodes.getReason(status).toLowerCase(Locale.ROOT));
    return true;
  }

  /** A handler that answers with a fixed JSON error. */
  public static HttpHandler fixed(int status, String message) {
    return exchange -> JsonResponses.error(exchange, status, message);
  }
}
