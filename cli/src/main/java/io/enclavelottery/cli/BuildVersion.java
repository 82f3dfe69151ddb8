package io.enclavelottery.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into {@code version.properties} when it built the command. */
final class BuildVersion implements IVersionProvider {

  static String current() {
    Properties properties = new Properties();
    try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      // fall through to "unknown": a version line is not worth failing a command for
    }
    return properties.getProperty("version", "unknown");
  }

  @Override
  public String[] getVersion() {
    return new String[] {
      "lottery " + current(), "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"
    };
  }
}
