package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ./lottery} launcher, end to end, on its fast path: it runs in a copy of the
 * project's layout holding only what that path touches (the launcher, the tool installer, the
 * installed tools and this build's jar), so no Maven build can start under the running tests.
 */
class LauncherIT {

  @TempDir Path copy;
  @TempDir Path elsewhere;

  @Test
  void helpRunsTheJarFromAnyDirectoryWithoutBuilding() throws Exception {
    Path root = Path.of(System.getProperty("lottery.root"));
    Path launcher = copyExecutable(root.resolve("lottery"), copy.resolve("lottery"));
    copyExecutable(root.resolve("scripts/install-tools"), copy.resolve("scripts/install-tools"));
    Files.createSymbolicLink(copy.resolve("tools"), root.resolve("tools"));
    Files.createDirectories(copy.resolve("cli/target"));
    Files.copy(Path.of(System.getProperty("lottery.jar")), copy.resolve("cli/target/lottery.jar"));

    try (RunningProcess help =
        RunningProcess.start(elsewhere, Map.of(), List.of(launcher.toString(), "--help"))) {
      assertThat(help.awaitExit(60)).as("stderr: %s", help.err()).isZero();
      assertThat(help.out().get(0)).startsWith("Usage: lottery");
      assertThat(help.out()).anyMatch(line -> line.contains("verify-draw"));
      assertThat(help.err()).as("nothing was installed or built").isEmpty();
    } finally {
      Files.delete(copy.resolve("tools")); // the link only, before JUnit cleans up the copy
    }
  }

  private static Path copyExecutable(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to);
    to.toFile().setExecutable(true);
    return to;
  }
}
