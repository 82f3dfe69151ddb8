package io.enclavelottery.frontend;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven wrote into {@code version.properties} when it built this module. */
final class FrontendVersion {

  private FrontendVersion() {}

  static String current() {
    Properties properties = new Properties();
    try (InputStream in = FrontendVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // "unknown" below: a version is not worth failing the server for
    }
    return properties.getProperty("version", "unknown");
  }
}
