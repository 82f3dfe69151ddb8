package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.frontend.FrontendConfig;
import io.enclavelottery.operator.keeper.KeeperChain;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The browser UI end to end: a real Anvil, the standalone run (keeper, feed and the UI bundled on
 * the classpath) in this JVM, and {@code frontend/e2e/play.mjs} driving Debian's Chromium through
 * playwright-core with a test wallet backed by an Anvil dev account. The script bets through the
 * UI; this side then fills the round and moves chain time so the keeper draws it; the script checks
 * the winner and the fairness panel and writes the screenshots.
 */
class UiEndToEndIT {

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  private KeeperChain chain;
  private StandaloneRun run;
  private Process browser;
  private final List<String> output = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    assertThat(CHROMIUM).as("Chromium (scripts/test installs Debian's package)").isExecutable();
    chain = KeeperChain.start(Duration.ofMinutes(5));
    chain.bet(0); // round 1 is open when the page loads
    String key =
        String.format("%064x", chain.operator().key().credentials().getEcKeyPair().getPrivateKey());
    Map<String, String> environment =
        Map.of(
            "BLOCKCHAIN_RPC_URL",
            chain.anvil().wsUrl(),
            "BLOCKCHAIN_CHAIN_ID",
            "31337",
            "BLOCKCHAIN_CONTRACT_ADDRESS",
            chain.lottery(),
            "BLOCKCHAIN_OPERATOR_PRIVATE_KEY",
            "0x" + key,
            "SERVER_HOST",
            "127.0.0.1",
            "SERVER_PORT",
            Integer.toString(freePort()));
    run =
        StandaloneRun.start(
            RunConfig.from(environment::get), FrontendConfig.fromEnvironment(environment::get));
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.descendants().forEach(ProcessHandle::destroyForcibly);
      browser.destroyForcibly();
    }
    if (run != null) {
      run.close();
    }
    chain.close();
  }

  @Test
  void aPlayerBetsThroughTheUiAndSeesTheDrawVerified() throws Exception {
    Path frontend = Path.of(System.getProperty("lottery.root"), "frontend");
    assertThat(frontend.resolve("node_modules/playwright-core"))
        .as("frontend/node_modules (the frontend module's build runs npm ci)")
        .isDirectory();
    Path screenshots = buildDirectory().resolve("ui-screenshots");
    String player = chain.anvil().account(9).address();
    ProcessBuilder script = new ProcessBuilder("node", "e2e/play.mjs").directory(frontend.toFile());
    script.redirectErrorStream(true);
    script
        .environment()
        .putAll(
            Map.of(
                "UI_URL",
                "http://127.0.0.1:" + run.port() + "/",
                "RPC_URL",
                chain.anvil().httpUrl(),
                "PLAYER",
                player,
                "BET_ETH",
                "0.02",
                "SCREENSHOTS",
                screenshots.toString(),
                "CHROMIUM",
                CHROMIUM.toString()));
    browser = script.start();
    Thread reader = collect(browser);

    await()
        .atMost(PATIENCE)
        .until(() -> output.contains("e2e: ready-for-draw") || !browser.isAlive());
    assertThat(output).as("the script's output").contains("e2e: ready-for-draw");
    assertThat(chain.contract().round().participantCount()).isEqualTo(2);

    chain.bet(1);
    await().atMost(PATIENCE).until(() -> chain.contract().round().seedCommitted());
    chain.jumpTo(chain.contract().round().minDrawTime().minusSeconds(3));
    await()
        .atMost(PATIENCE)
        .until(() -> chain.contract().roundById(1).state() == RoundState.COMPLETED);

    assertThat(browser.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .as("the script finished")
        .isTrue();
    reader.join(5_000);
    assertThat(browser.exitValue()).as("the script's exit code; output: %s", output).isZero();
    assertThat(output).contains("e2e: passed");
    for (String name : List.of("desktop.png", "mobile-375.png")) {
      assertThat(screenshots.resolve(name)).isRegularFile();
      assertThat(Files.size(screenshots.resolve(name))).isGreaterThan(10_000);
    }
  }

  private Thread collect(Process process) {
    Thread thread =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                  output.add(line);
                  System.out.println(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            },
            "ui-e2e-output");
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** This module's build folder (the parent of the test classes), whatever it is called. */
  private static Path buildDirectory() throws URISyntaxException {
    return Path.of(UiEndToEndIT.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getParent();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
