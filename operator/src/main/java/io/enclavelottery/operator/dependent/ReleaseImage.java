package io.enclavelottery.operator.dependent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The project's release image, {@code ghcr.io/enclave-lottery/enclave-lottery:<version>}: one image
 * whose entry point is the {@code lottery} launcher, so the frontend runs it with {@code serve}.
 * The version is the operator jar's own (from the {@code pom.properties} Maven packs into it), so a
 * controller starts frontends of its own release; run from a build folder it is {@code latest}.
 */
public final class ReleaseImage {

  /** The image repository, without a tag. */
  public static final String REPOSITORY = "ghcr.io/enclave-lottery/enclave-lottery";

  private static final String POM_PROPERTIES =
      "/META-INF/maven/io.enclavelottery/operator/pom.properties";

  private ReleaseImage() {}

  /** The release image of this controller's version. */
  public static String current() {
    return REPOSITORY + ":" + version();
  }

  private static String version() {
    Properties properties = new Properties();
    try (InputStream in = ReleaseImage.class.getResourceAsStream(POM_PROPERTIES)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // "latest" below: a missing version is no reason to stop managing frontends
    }
    return properties.getProperty("version", "latest");
  }
}
