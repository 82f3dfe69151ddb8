package io.enclavelottery.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Helm installs {@code crds/} on first install and never upgrades it, so docs/OPERATIONS.md has
 * every upgrade apply the new chart's CRD first: {@code helm show crds <chart> | kubectl apply
 * --server-side -f -}. What that command applies, from the chart folder and from the packaged chart
 * alike, is the CRD the model generates.
 */
class CrdUpgradePathTest {

  private static final String GENERATED =
      "META-INF/fabric8/lotteryrounds.enclave-lottery.io-v1.yml";

  @Test
  void helmShowCrdsOfTheChartFolderIsTheGeneratedCrd() throws IOException {
    assertThat(normalized(Helm.show(Chart.directory().toString()).crds().call()))
        .isEqualTo(normalized(generated()));
  }

  @Test
  void helmShowCrdsOfThePackagedChartIsTheGeneratedCrd(@TempDir Path out) throws IOException {
    Chart.helm().packageIt().withDestination(out).call();
    Path packaged;
    try (var files = Files.list(out)) {
      packaged = files.filter(f -> f.toString().endsWith(".tgz")).findFirst().orElseThrow();
    }
    assertThat(normalized(Helm.show(packaged.toString()).crds().call()))
        .isEqualTo(normalized(generated()));
  }

  private static String generated() throws IOException {
    try (InputStream in =
        CrdUpgradePathTest.class.getClassLoader().getResourceAsStream(GENERATED)) {
      assertThat(in).as("the crd module's jar carries %s", GENERATED).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  // helm show crds prefixes each file with a document separator
  private static String normalized(String yaml) {
    return yaml.replaceFirst("^---\\s*\\n", "").strip();
  }
}
