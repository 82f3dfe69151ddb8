package io.enclavelottery.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.frontend.http.ErrorResponses;
import io.enclavelottery.frontend.http.HttpSettings;
import io.enclavelottery.frontend.http.StaticFiles;
import io.undertow.Undertow;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The UI served from the classpath, as the runnable jar does: from a jar laid out like the {@code
 * frontend} module's, with secrets beside the UI's prefix that no request may read.
 */
class BundledUiTest {

  private static final String SECRET = "TOP-SECRET-OUTSIDE-THE-UI";

  @TempDir Path dir;

  private URLClassLoader loader;
  private Undertow undertow;
  private int port;

  @BeforeEach
  void start() throws IOException {
    Path jar = dir.resolve("ui.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      put(out, "ui/");
      put(out, "ui/index.html", "<!doctype html><title>lottery</title>");
      put(out, "ui/assets/");
      put(out, "ui/assets/index-3f9a1c2b.js", "console.log(1);\n");
      put(out, "secret.txt", SECRET);
      put(out, "ui2.txt", SECRET);
      put(out, "io/enclavelottery/Secret.class", SECRET);
    }
    loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
    StaticFiles files = StaticFiles.bundled(loader, "ui").orElseThrow();
    undertow =
        FrontendServer.listener(new ErrorResponses(files), "127.0.0.1", 0, HttpSettings.defaults());
    undertow.start();
    port = FrontendServer.port(undertow);
  }

  @AfterEach
  void stop() throws IOException {
    undertow.stop();
    loader.close();
  }

  @Test
  void servesPagesAssetsAndTheAppForEveryOtherPath() {
    assertThat(RawHttp.get(port, "/"))
        .startsWith("HTTP/1.1 200")
        .contains("<title>lottery</title>");
    assertThat(RawHttp.get(port, "/index.html")).startsWith("HTTP/1.1 200");
    assertThat(RawHttp.get(port, "/assets/index-3f9a1c2b.js"))
        .startsWith("HTTP/1.1 200")
        .contains("text/javascript")
        .contains("immutable")
        .contains("console.log(1);");
    for (String page : new String[] {"/rounds/12", "/assets", "/assets/"}) {
      assertThat(RawHttp.get(port, page)).as(page).contains("<title>lottery</title>");
    }
    assertThat(RawHttp.status(RawHttp.get(port, "/missing.js"))).isEqualTo(404);
  }

  @ParameterizedTest
  @MethodSource("io.enclavelottery.frontend.EscapeAttempts#paths")
  void noPathLeavesTheUiPrefix(String target) {
    String answer = RawHttp.get(port, target);
    assertThat(answer).as(target).doesNotContain(SECRET).doesNotContain("root:x:0:0");
    assertThat(RawHttp.status(answer)).as(target).isNotEqualTo(500).isNotZero();
  }

  @Test
  void classesBesideTheUiStayUnreadable() {
    for (String target :
        new String[] {
          "/../io/enclavelottery/Secret.class", "/%2e%2e/io/enclavelottery/Secret.class"
        }) {
      assertThat(RawHttp.get(port, target)).as(target).doesNotContain(SECRET);
    }
  }

  @Test
  void aClasspathWithoutTheUiServesNone() {
    assertThat(StaticFiles.bundled(loader, "elsewhere")).isEmpty();
    assertThat(StaticFiles.bundled(loader)).isEmpty();
  }

  private static void put(JarOutputStream out, String name, String... content) throws IOException {
    out.putNextEntry(new JarEntry(name));
    for (String text : content) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
    out.closeEntry();
  }
}
