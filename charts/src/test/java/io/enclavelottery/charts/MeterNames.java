package io.enclavelottery.charts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus names of the meters the project's code registers, read from its sources: a
 * Micrometer meter {@code a.b} with base unit {@code u} is {@code a_b_u} in Prometheus, a counter
 * ends in {@code _total}, a distribution summary or timer has {@code _count}, {@code _sum} and
 * {@code _max}. So an alert or panel on a misspelt or renamed meter fails a test, not silently.
 */
final class MeterNames {

  private static final Pattern BUILDER =
      Pattern.compile("(Gauge|Counter|DistributionSummary|Timer)\\.builder\\(\\s*\"([a-z0-9.]+)\"");
  private static final Pattern BASE_UNIT = Pattern.compile("\\.baseUnit\\(\"([a-z]+)\"\\)");

  private MeterNames() {}

  /** The Prometheus series names the meters in these source folders produce. */
  static Set<String> in(Path... sourceFolders) {
    Set<String> names = new TreeSet<>();
    for (Path folder : sourceFolders) {
      try (Stream<Path> files = Files.walk(folder)) {
        files.filter(f -> f.toString().endsWith(".java")).forEach(f -> addFrom(read(f), names));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }

  private static void addFrom(String source, Set<String> names) {
    Matcher builder = BUILDER.matcher(source);
    while (builder.find()) {
      int end = source.indexOf(".register(", builder.end());
      Matcher unit =
          BASE_UNIT.matcher(source.substring(builder.end(), end < 0 ? builder.end() : end));
      String type = builder.group(1);
      String base = builder.group(2).replace('.', '_');
      String unitSuffix =
          type.equals("Timer") ? "_seconds" : unit.find() ? "_" + unit.group(1) : "";
      switch (type) {
        case "Gauge" -> names.add(base + unitSuffix);
        case "Counter" -> names.add(base + unitSuffix + "_total");
        default ->
            Stream.of("_count", "_sum", "_max")
                .forEach(suffix -> names.add(base + unitSuffix + suffix));
      }
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
