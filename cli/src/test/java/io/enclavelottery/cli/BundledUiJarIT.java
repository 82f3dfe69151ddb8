package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar carries the built UI where frontend-server looks for it, so {@code ./lottery
 * run} and {@code ./lottery serve} show the page with no setting: the index page and every script
 * and style sheet it names.
 */
class BundledUiJarIT {

  private static final String UI = "io/enclavelottery/ui/";
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"/(assets/[^\"]+)\"");

  @Test
  void theRunnableJarCarriesTheUiAndEveryAssetItsPageNames() throws IOException {
    try (JarFile jar = new JarFile(System.getProperty("lottery.jar"))) {
      JarEntry index = jar.getJarEntry(UI + "index.html");
      assertThat(index).as("the UI's index page in the jar").isNotNull();
      String page = new String(jar.getInputStream(index).readAllBytes(), StandardCharsets.UTF_8);
      assertThat(page).contains("<title>Enclave Lottery</title>");
      Matcher assets = ASSET.matcher(page);
      int named = 0;
      while (assets.find()) {
        assertThat(jar.getJarEntry(UI + assets.group(1))).as(assets.group(1)).isNotNull();
        named++;
      }
      assertThat(named).as("scripts and styles named by the page").isGreaterThanOrEqualTo(2);
    }
  }
}
