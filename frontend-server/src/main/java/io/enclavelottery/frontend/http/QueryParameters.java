package io.enclavelottery.frontend.http;

import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and checks a request's query values: a bad value is an {@link HttpProblem} (400) that says
 * which parameter and why; a limit above the maximum is clamped, not refused.
 */
public final class QueryParameters {

  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  private static final Pattern HEX = Pattern.compile("(0x)?([0-9a-fA-F]{2})+");
  private static final int MAX_ECHO = 48;

  private final HttpServerExchange exchange;

  public QueryParameters(HttpServerExchange exchange) {
    this.exchange = exchange;
  }

  /**
   * A page size: {@code fallback} when absent, at most {@code max}; 400 unless a whole number of at
   * least 1.
   */
  public int limit(String name, int fallback, int max) {
    Optional<String> raw = single(name);
    if (raw.isEmpty()) {
      return Math.min(fallback, max);
    }
    String value = raw.get().strip();
    if (!DIGITS.matcher(value).matches()) {
      throw HttpProblem.badRequest(
          name + " must be a whole number from 1 to " + max + ", not " + echo(value));
    }
    // more digits than a long holds is still just "very large": clamp it
    if (value.length() > 9) {
      return max;
    }
    int parsed = Integer.parseInt(value);
    if (parsed < 1) {
      throw HttpProblem.badRequest(name + " must be at least 1");
    }
    return Math.min(parsed, max);
  }

  /** A required account address, returned lower-case; 400 when absent or malformed. */
  public String address(String name) {
    String value =
        single(name)
            .map(String::strip)
            .orElseThrow(() -> HttpProblem.badRequest("missing " + name + "=0x… (an address)"));
    if (!ADDRESS.matcher(value).matches()) {
      throw HttpProblem.badRequest(
          name + " must be an address: 0x and 40 hex digits, not " + echo(value));
    }
    return value.toLowerCase(Locale.ROOT);
  }

  /** Required hex bytes (optionally 0x-prefixed), from 1 to {@code maxBytes} of them. */
  public byte[] hexBytes(String name, int maxBytes) {
    String value =
        single(name)
            .map(String::strip)
            .orElseThrow(() -> HttpProblem.badRequest("missing " + name + "=… (hex bytes)"));
    if (value.length() > 2 + 2 * maxBytes || !HEX.matcher(value).matches()) {
      throw HttpProblem.badRequest(
          name + " must be 1 to " + maxBytes + " bytes of hex, not " + echo(value));
    }
    return HexFormat.of().parseHex(value.startsWith("0x") ? value.substring(2) : value);
  }

  private Optional<String> single(String name) {
    Deque<String> values = exchange.getQueryParameters().get(name);
    if (values == null || values.isEmpty()) {
      return Optional.empty();
    }
    if (values.size() > 1) {
      throw HttpProblem.badRequest(name + " must be given once");
    }
    return Optional.of(values.getFirst());
  }

  /** A bad value, quoted and shortened, with anything but printable ASCII replaced. */
  static String echo(String value) {
    String shown = value.length() > MAX_ECHO ? value.substring(0, MAX_ECHO) + "…" : value;
    return '"' + shown.replaceAll("[^\\x20-\\x7e…]", "?") + '"';
  }
}
