package io.enclavelottery.crd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart installs the CRD the model generates, byte for byte. */
class GeneratedCrdMatchesChartTest {

  private static final String FILE_NAME = "lotteryrounds.enclave-lottery.io-v1.yml";

  @Test
  void chartCarriesTheGeneratedCrd() throws IOException {
    String directory = System.getProperty("crd.chart.directory");
    assertThat(directory)
        .as("crd.chart.directory (set by crd/pom.xml; run the tests through Maven)")
        .isNotNull();
    Path committed = Path.of(directory, FILE_NAME);
    assertThat(committed)
        .as("the chart's copy of the CRD; create it with scripts/refresh-crd")
        .exists();

    byte[] generated = GeneratedCrd.load().bytes();
    byte[] inChart = Files.readAllBytes(committed);
    if (!Arrays.equals(generated, inChart)) {
      fail(
          "%s differs from the CRD the model generates (%s). Run scripts/refresh-crd and commit"
              + " the file.",
          committed, firstDifference(inChart, generated));
    }
  }

  private static String firstDifference(byte[] inChart, byte[] generated) {
    List<String> chartLines = new String(inChart, StandardCharsets.UTF_8).lines().toList();
    List<String> generatedLines = new String(generated, StandardCharsets.UTF_8).lines().toList();
    for (int i = 0; i < Math.max(chartLines.size(), generatedLines.size()); i++) {
      String chartLine = i < chartLines.size() ? chartLines.get(i) : "<end of file>";
      String generatedLine = i < generatedLines.size() ? generatedLines.get(i) : "<end of file>";
      if (!chartLine.equals(generatedLine)) {
        return "first at line "
            + (i + 1)
            + ": the chart has '"
            + chartLine.strip()
            + "', the model generates '"
            + generatedLine.strip()
            + "'";
      }
    }
    return "line endings or the final newline differ";
  }
}
