package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.Round;
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
 * the classpath) in this JVM, and a script of {@code frontend/e2e/} driving Debian's Chromium
 * through playwright-core with a test wallet backed by Anvil dev accounts. Each script acts through
 * the page and checks what it shows; this side moves the chain along (other players' bets, chain
 * time for the keeper) when the script says it is ready, and checks the contract at the end.
 */
class UiEndToEndIT {

  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  /** Where {@link #delegateToCostlyWallet} puts the wallet code its accounts delegate to. */
  private static final String COSTLY_WALLET = "0x00000000000000000000000000000000000c0571";

  private KeeperChain chain;
  private StandaloneRun run;
  private Process browser;
  private Thread reader;
  private final List<String> output = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    assertThat(CHROMIUM).as("Chromium (scripts/test installs Debian's package)").isExecutable();
    chain = KeeperChain.start(Duration.ofMinutes(5));
    String key = LocalChain.publicTestKey(chain.operator());
    Map<String, String> environment =
        Map.of(
            "BLOCKCHAIN_RPC_URL",
            chain.anvil().wsUrl(),
            "BLOCKCHAIN_CHAIN_ID",
            "31337",
            "BLOCKCHAIN_CONTRACT_ADDRESS",
            chain.lottery(),
            "BLOCKCHAIN_OPERATOR_PRIVATE_KEY",
            key,
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
    chain.bet(0); // round 1 is open when the page loads
    Path screenshots = buildDirectory().resolve("ui-screenshots");
    String player = chain.anvil().account(9).address();
    startScript("play.mjs", screenshots, Map.of("PLAYER", player, "BET_ETH", "0.02"));

    awaitLine("e2e: ready-for-draw");
    assertThat(chain.contract().round().participantCount()).isEqualTo(2);

    chain.bet(1);
    drawCurrentRound();

    assertScriptPassed();
    for (String name : List.of("desktop.png", "mobile-375.png")) {
      assertThat(screenshots.resolve(name)).isRegularFile();
      assertThat(Files.size(screenshots.resolve(name))).isGreaterThan(10_000);
    }
  }

  /**
   * The money paths of {@code money.mjs}: the wallet starts on another network and is switched; the
   * player bets alone, the round expires and the keeper refunds it, and the player claims the
   * refund; two smart-wallet players' round is drawn, the winner's prize is credited, and the
   * winner withdraws it, then the publisher its commission.
   */
  @Test
  void playersSwitchNetworkClaimARefundAndWithdrawACreditedPrize() throws Exception {
    String player = chain.anvil().account(9).address();
    String publisher = chain.anvil().account(0).address();
    startScript(
        "money.mjs",
        buildDirectory().resolve("ui-screenshots/money"),
        Map.of(
            "PLAYER",
            player,
            "PUBLISHER",
            publisher,
            "LOTTERY",
            chain.lottery(),
            "START_CHAIN_ID",
            "1",
            "BET_ETH",
            "0.02"));

    awaitLine("e2e: bet-alone");
    Round alone = chain.contract().round();
    assertThat(alone.roundId()).isEqualTo(1);
    assertThat(alone.participantCount()).isEqualTo(1);
    chain.jumpTo(alone.endTime().plusSeconds(5));
    await()
        .atMost(PATIENCE)
        .until(() -> chain.contract().roundById(1).state() == RoundState.REFUNDED);

    awaitLine("e2e: refund-claimed");
    assertThat(chain.contract().refundOwed(1, player)).isZero();
    assertThat(chain.contract().pendingWithdrawal(publisher)).isZero();

    delegateToCostlyWallet(chain.player(0).address());
    delegateToCostlyWallet(chain.player(1).address());
    chain.bet(0);
    chain.bet(1);
    drawCurrentRound();
    Round drawn = chain.contract().roundById(2);
    assertThat(chain.contract().pendingWithdrawal(drawn.winner()))
        .as("the prize the push could not deliver, credited")
        .isEqualTo(drawn.winnerPrize());
    assertThat(chain.contract().pendingWithdrawal(publisher))
        .isEqualTo(drawn.publisherCommission());

    assertScriptPassed();
    assertThat(output).contains("e2e: prize-withdrawn", "e2e: commission-withdrawn");
    assertThat(chain.contract().pendingWithdrawal(drawn.winner())).isZero();
    assertThat(chain.contract().pendingWithdrawal(publisher)).isZero();
  }

  /**
   * Makes the account an EIP-7702 smart account (Anvil writes the delegation designator that a
   * signed authorization would) whose wallet code stores two new slots when it receives ether:
   * about 44,000 gas, more than the contract's prize push forwards, so a prize won by it is
   * credited for withdrawal, as it would be for any wallet that needs more gas; a withdrawal, which
   * forwards all the gas, pays it. The account still sends transactions as before.
   */
  private void delegateToCostlyWallet(String account) {
    // sstore(number, callvalue); sstore(number + 1, callvalue); stop
    chain.anvil().rpc("anvil_setCode", COSTLY_WALLET, "0x34435534436001015500");
    chain.anvil().rpc("anvil_setCode", account, "0xef0100" + COSTLY_WALLET.substring(2));
  }

  /** Waits for the keeper to commit the current round's seed, moves time to its draw, and waits. */
  private void drawCurrentRound() {
    long roundId = chain.contract().round().roundId();
    await().atMost(PATIENCE).until(() -> chain.contract().round().seedCommitted());
    chain.jumpTo(chain.contract().round().minDrawTime().minusSeconds(3));
    await()
        .atMost(PATIENCE)
        .until(() -> chain.contract().roundById(roundId).state() == RoundState.COMPLETED);
  }

  /** Starts {@code frontend/e2e/<script>} against this test's page and chain. */
  private void startScript(String script, Path screenshots, Map<String, String> variables)
      throws IOException {
    Path frontend = Path.of(System.getProperty("lottery.root"), "frontend");
    assertThat(frontend.resolve("node_modules/playwright-core"))
        .as("frontend/node_modules (the frontend module's build runs npm ci)")
        .isDirectory();
    ProcessBuilder builder =
        new ProcessBuilder("node", "e2e/" + script).directory(frontend.toFile());
    builder.redirectErrorStream(true);
    Map<String, String> environment = builder.environment();
    environment.put("UI_URL", "http://127.0.0.1:" + run.port() + "/");
    environment.put("RPC_URL", chain.anvil().httpUrl());
    environment.put("SCREENSHOTS", screenshots.toString());
    environment.put("CHROMIUM", CHROMIUM.toString());
    environment.putAll(variables);
    browser = builder.start();
    reader = collect(browser);
  }

  /** Waits until the script prints {@code line}; fails at once if it ends without. */
  private void awaitLine(String line) {
    await().atMost(PATIENCE).until(() -> output.contains(line) || !browser.isAlive());
    assertThat(output).as("the script's output").contains(line);
  }

  private void assertScriptPassed() throws InterruptedException {
    assertThat(browser.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
        .as("the script finished")
        .isTrue();
    reader.join(5_000);
    assertThat(browser.exitValue()).as("the script's exit code; output: %s", output).isZero();
    assertThat(output).contains("e2e: passed");
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
