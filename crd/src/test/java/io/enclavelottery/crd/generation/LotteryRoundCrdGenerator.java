package io.enclavelottery.crd.generation;

import io.enclavelottery.crd.LotteryRound;
import io.fabric8.crdv2.generator.CRDGenerator;
import java.io.File;

/**
 * Writes the LotteryRound CRD ({@code lotteryrounds.enclave-lottery.io-v1.yml}) with fabric8's CRD
 * generator; the build runs it after the test classes compile (the crd module's pom).
 *
 * <p>It drives the generator's API rather than its Maven plugin for one reason: the plugin lists
 * printer columns sorted by JSON path (Age first, Round after Betting ends), and only the API takes
 * the post-processor that puts them back in the order the resource class declares them.
 */
public final class LotteryRoundCrdGenerator {

  private LotteryRoundCrdGenerator() {}

  /**
   * @param args the output directory
   */
  public static void main(String[] args) {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: LotteryRoundCrdGenerator OUTPUT_DIRECTORY");
    }
    File outputDirectory = new File(args[0]);
    if (!outputDirectory.isDirectory() && !outputDirectory.mkdirs()) {
      throw new IllegalStateException("cannot create " + outputDirectory);
    }
    int written =
        new CRDGenerator()
            .customResourceClasses(LotteryRound.class)
            .forCRDVersions("v1")
            .withParallelGenerationEnabled(false)
            // not withMinQuotes: it leaves True and False bare, which Kubernetes' YAML 1.1
            // reader takes for booleans (CrdSchemaTest caught the condition status enum so)
            .withPostProcessor(new DeclaredPrinterColumnOrder(LotteryRound.class))
            .inOutputDir(outputDirectory)
            .generate();
    if (written != 1) {
      throw new IllegalStateException("expected one CRD, the generator wrote " + written);
    }
  }
}
