package io.enclavelottery.chain.devnet;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the Anvil binary that scripts/install-tools put under the project's {@code tools/} folder:
 * from the system property {@code lottery.tools.dir}, the environment variable {@code
 * LOTTERY_TOOLS_DIR}, or the nearest {@code tools/} above the working directory.
 */
final class AnvilBinary {

  private static final String RELATIVE = "node_modules/@foundry-rs/anvil-linux-amd64/bin/anvil";

  private AnvilBinary() {}

  static Path locate() {
    return toolsDir()
        .map(dir -> dir.resolve(RELATIVE))
        .filter(Files::isExecutable)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "anvil is not installed: run scripts/install-tools (or set LOTTERY_TOOLS_DIR)"));
  }

  private static Optional<Path> toolsDir() {
    String configured = System.getProperty("lottery.tools.dir", System.getenv("LOTTERY_TOOLS_DIR"));
    if (configured != null && !configured.isBlank()) {
      return Optional.of(Path.of(configured));
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("tools/node_modules"))) {
        return Optional.of(dir.resolve("tools"));
      }
    }
    return Optional.empty();
  }
}
