package io.enclavelottery.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The chart under test, rendered by Helm itself (helm-java runs Helm's Go code in-process) and
 * parsed with fabric8, as {@code helm template} would hand it to the API server.
 */
final class Chart {

  static final String RELEASE = "lottery";
  static final String NAMESPACE = "lottery-system";

  private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

  private Chart() {}

  /** The chart's folder, set by charts/pom.xml. */
  static Path directory() {
    String directory = System.getProperty("chart.directory");
    Objects.requireNonNull(directory, "chart.directory (set by charts/pom.xml; run through Maven)");
    return Path.of(directory);
  }

  /** Helm on the chart's folder. */
  static Helm helm() {
    return new Helm(directory());
  }

  /** The values file {@code name} among the test resources. */
  static Path valuesFile(String name) {
    Path file = Path.of("src", "test", "resources", name).toAbsolutePath();
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("no values file " + file);
    }
    return file;
  }

  /** {@code helm template} with the given values files and {@code --set}s, as objects. */
  static Rendered render(Map<String, Object> sets, String... valuesFiles) {
    return new Rendered(parse(template(sets, valuesFiles)));
  }

  /** {@code helm template}'s text; throws {@link IllegalStateException} with Helm's message. */
  static String template(Map<String, Object> sets, String... valuesFiles) {
    TemplateCommand template = helm().template().withName(RELEASE).withNamespace(NAMESPACE);
    for (String file : valuesFiles) {
      template = template.withValuesFile(valuesFile(file));
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      template = template.set(set.getKey(), set.getValue());
    }
    return template.call();
  }

  private static java.util.List<HasMetadata> parse(String manifests) {
    return Arrays.stream(DOCUMENT_SEPARATOR.split(manifests))
        .filter(document -> document.lines().anyMatch(line -> line.startsWith("kind:")))
        .map(document -> (HasMetadata) Serialization.unmarshal(document))
        .toList();
  }
}
