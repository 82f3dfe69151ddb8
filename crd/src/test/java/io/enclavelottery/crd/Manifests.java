package io.enclavelottery.crd;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The LotteryRound manifests of the repository's {@code examples/}. */
final class Manifests {

  static final String MINIMAL = "lotteryround-minimal.yaml";
  static final String COMPLETE = "lotteryround-complete.yaml";

  private Manifests() {}

  /** The text of an example manifest. */
  static String exampleText(String file) {
    return text(example(file));
  }

  private static Path example(String file) {
    String directory = System.getProperty("crd.examples.directory");
    if (directory == null) {
      throw new IllegalStateException(
          "crd.examples.directory is not set: run the tests through Maven (crd/pom.xml sets it)");
    }
    return Path.of(directory, file);
  }

  static String text(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String yaml) {
    try {
      return GeneratedCrd.YAML.readTree(yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
