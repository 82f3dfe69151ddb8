package io.enclavelottery.frontend.http;

/**
 * A request that cannot be answered as asked: thrown by handlers and turned into a JSON {@code
 * {"error": message}} response with {@code status} by {@link ErrorResponses}. The message is shown
 * to the client, so it must say what was wrong with the request and never carry a secret.
 */
public final class HttpProblem extends RuntimeException {

  private final int status;

  public HttpProblem(int status, String message) {
    super(message, null, false, false);
    this.status = status;
  }

  public static HttpProblem badRequest(String message) {
    return new HttpProblem(400, message);
  }

  public static HttpProblem notFound(String message) {
    return new HttpProblem(404, message);
  }

  public int status() {
    return status;
  }
}
