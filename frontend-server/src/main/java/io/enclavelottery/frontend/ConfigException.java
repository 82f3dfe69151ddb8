package io.enclavelottery.frontend;

import java.util.List;

/**
 * The environment does not make a usable configuration. The message has one line per bad variable,
 * each naming the variable, what it must be and (for values that are not secret) what it was.
 */
public final class ConfigException extends RuntimeException {

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** One entry per bad variable. */
  public List<String> problems() {
    return problems;
  }
}
