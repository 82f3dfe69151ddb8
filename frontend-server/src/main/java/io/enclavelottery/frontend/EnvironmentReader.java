package io.enclavelottery.frontend;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads typed values from environment variables, collecting one problem per bad variable instead of
 * stopping at the first, so that a misconfigured deployment learns everything at once.
 */
final class EnvironmentReader {

  private final Function<String, String> environment;
  private final List<String> problems = new ArrayList<>();

  EnvironmentReader(Function<String, String> environment) {
    this.environment = environment;
  }

  /** The trimmed value; empty when unset or blank. */
  Optional<String> text(String name) {
    return Optional.ofNullable(environment.apply(name))
        .map(String::strip)
        .filter(v -> !v.isEmpty());
  }

  String required(String name, String what) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      problems.add(name + " is required: " + what);
      return "";
    }
    return value.get();
  }

  /** A whole number from {@code min} to {@code max}; {@code fallback} when unset. */
  long number(String name, long fallback, long min, long max) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      long parsed = Long.parseLong(value.get());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below like an out-of-range number
    }
    problems.add(
        name
            + " must be a whole number from "
            + min
            + " to "
            + max
            + ", not \""
            + value.get()
            + '"');
    return fallback;
  }

  /** An optional whole number from {@code min} to {@code max}. */
  Optional<Long> optionalNumber(String name, long min, long max) {
    return text(name).map(v -> number(name, min, min, max));
  }

  /** A length of time in (possibly fractional) seconds, from {@code min} to {@code max}. */
  Duration seconds(String name, Duration fallback, Duration min, Duration max) {
    Optional<String> value = text(name);
    if (value.isEmpty()) {
      return fallback;
    }
    try {
      Duration parsed =
          Duration.ofMillis(new BigDecimal(value.get()).movePointRight(3).longValueExact());
      if (parsed.compareTo(min) >= 0 && parsed.compareTo(max) <= 0) {
        return parsed;
      }
    } catch (NumberFormatException | ArithmeticException e) {
      // reported below like an out-of-range value
    }
    problems.add(
        name
            + " must be a number of seconds from "
            + min.toMillis() / 1000.0
            + " to "
            + max.toSeconds()
            + ", not \""
            + value.get()
            + '"');
    return fallback;
  }

  /** A comma-separated list; empty when unset. */
  List<String> list(String name) {
    return text(name)
        .map(v -> Arrays.stream(v.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList())
        .orElse(List.of());
  }

  void problem(String message) {
    problems.add(message);
  }

  /**
   * @throws ConfigException when any variable was bad
   */
  void check() {
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
  }
}
