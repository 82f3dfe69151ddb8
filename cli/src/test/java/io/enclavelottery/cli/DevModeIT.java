package io.enclavelottery.cli;

import static io.enclavelottery.cli.LocalHttp.freePort;
import static io.enclavelottery.cli.LocalHttp.get;
import static io.enclavelottery.cli.LocalHttp.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's quick start, literally: {@code lottery dev}, wait for {@code /health}, bet from dev
 * accounts, see the bets in {@code /api/round/status}, watch the round get drawn; then Ctrl-C
 * (SIGTERM) stops everything it started and it runs again at once on the same ports.
 */
class DevModeIT {

  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private static final String PLACE_BET = "0xf90f4560";
  private static final String HUNDREDTH_ETHER = "0x2386f26fc10000";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void runsARoundEndToEndThenStopsEverythingAndStartsAgain() throws Exception {
    int port = freePort();
    int chainPort = freePort();
    String chain = "http://127.0.0.1:" + chainPort;
    try (RunningProcess dev = startDev(port, chainPort)) {
      assertThat(get(port, "/").body()).as("the UI").contains("<title>Enclave Lottery</title>");
      String contract = field(get(port, "/api/contract/address").body(), "contract");
      List<String> players = accounts(chain).subList(2, 4);

      for (String player : players) {
        rpc(
            chain,
            "eth_sendTransaction",
            Map.of("from", player, "to", contract, "data", PLACE_BET, "value", HUNDREDTH_ETHER));
      }
      await().atMost(PATIENCE).until(() -> roundStatus(port).path("participantCount").asInt() == 2);
      assertThat(roundStatus(port).path("state").asText()).isEqualTo("BETTING");

      // the keeper commits the seed once the round has its two players; then time jumps to the draw
      await()
          .atMost(PATIENCE)
          .until(() -> !roundStatus(port).path("seedCommitment").asText().matches("0x0+"));
      long minDrawTime = roundStatus(port).path("minDrawTime").asLong();
      rpc(chain, "anvil_setNextBlockTimestamp", minDrawTime - 2);
      rpc(chain, "evm_mine");
      await()
          .atMost(PATIENCE)
          .until(
              () -> get(port, "/api/history?limit=1").body().contains("\"state\":\"COMPLETED\""));
      assertThat(get(port, "/api/rounds/1/verification").body()).contains("\"matches\":true");

      dev.process().toHandle().destroy(); // SIGTERM, like Ctrl-C: the shutdown hook stops it all
      dev.awaitExit(30);
      assertThat(dev.out()).anyMatch(line -> line.endsWith("StandaloneRun - stopped"));
      assertThat(LocalChain.isFree(port)).as("the server stopped").isTrue();
      assertThat(LocalChain.isFree(chainPort)).as("anvil stopped").isTrue();
    }
    try (RunningProcess again = startDev(port, chainPort)) {
      assertThat(get(port, "/api/round/status").statusCode()).isEqualTo(200);
      again.process().toHandle().destroy();
      again.awaitExit(30);
    }
  }

  @Test
  void withTheEnclaveSignerTheRoundIsDrawnWithItsSeedAndItsAttestationIsServed() throws Exception {
    int port = freePort();
    int chainPort = freePort();
    String chain = "http://127.0.0.1:" + chainPort;
    try (RunningProcess dev = startDev(port, chainPort, "--enclave")) {
      String contract = field(get(port, "/api/contract/address").body(), "contract");
      String operator =
          JSON.readTree(get(port, "/api/contract/config").body())
              .path("settings")
              .path("operator")
              .asText();
      assertThat(accounts(chain)).doesNotContain(operator); // a key only the signer holds
      assertThat(dev.out())
          .anyMatch(line -> line.contains("Signer") && line.contains("NOT SECURE"));
      for (String player : accounts(chain).subList(2, 4)) {
        rpc(
            chain,
            "eth_sendTransaction",
            Map.of("from", player, "to", contract, "data", PLACE_BET, "value", HUNDREDTH_ETHER));
      }

      // the signer releases the seed by its own clock: betting runs its 30 s in real time
      await()
          .atMost(PATIENCE)
          .until(
              () -> get(port, "/api/history?limit=1").body().contains("\"state\":\"COMPLETED\""));
      assertThat(get(port, "/api/rounds/1/verification").body()).contains("\"matches\":true");
      String nonce = "ab".repeat(16);
      JsonNode attestation = JSON.readTree(get(port, "/api/attestation?nonce=" + nonce).body());
      assertThat(attestation.path("nonce").asText()).isEqualTo(nonce);
      assertThat(attestation.path("document").asText()).isNotBlank();

      dev.process().toHandle().destroy();
      dev.awaitExit(30);
      assertThat(LocalChain.isFree(port)).as("the server stopped").isTrue();
    }
  }

  @Test
  void aPortInUseIsAOneLineErrorAndStartsNothing() throws Exception {
    int chainPort = freePort();
    try (java.net.ServerSocket taken = new java.net.ServerSocket(0)) {
      RunningProcess dev =
          RunningProcess.lotteryJar(
              Map.of(),
              "dev",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--chain-port",
              Integer.toString(chainPort));
      assertThat(dev.awaitExit(60)).isEqualTo(ExitCodes.UNUSABLE_INPUT);
      assertThat(dev.err()).anyMatch(line -> line.contains("is in use"));
      assertThat(LocalChain.isFree(chainPort)).as("no chain was started").isTrue();
    }
  }

  private static RunningProcess startDev(int port, int chainPort, String... more) {
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "dev",
                "--players",
                "0",
                "--port",
                Integer.toString(port),
                "--chain-port",
                Integer.toString(chainPort)));
    arguments.addAll(List.of(more));
    RunningProcess dev = RunningProcess.lotteryJar(Map.of(), arguments.toArray(String[]::new));
    try {
      await()
          .atMost(PATIENCE)
          .until(() -> status(port, "/health") == 200 || !dev.process().isAlive());
      assertThat(dev.process().isAlive()).as("stderr: %s", dev.err()).isTrue();
      // the banner follows the server's start
      await()
          .atMost(PATIENCE)
          .until(() -> dev.out().stream().anyMatch(line -> line.contains("Press Ctrl-C to stop.")));
      assertThat(dev.out()).anyMatch(line -> line.contains("http://127.0.0.1:" + port + "/"));
      return dev;
    } catch (RuntimeException | AssertionError e) {
      dev.close(); // with its Anvil: a dev mode that failed its start must not outlive the test
      throw e;
    }
  }

  private static JsonNode roundStatus(int port) throws IOException, InterruptedException {
    return JSON.readTree(get(port, "/api/round/status").body()).path("round");
  }

  private static String field(String json, String name) throws IOException {
    return JSON.readTree(json).path(name).asText();
  }

  private static List<String> accounts(String chain) throws IOException, InterruptedException {
    return JSON.convertValue(
        rpc(chain, "eth_accounts"),
        JSON.getTypeFactory().constructCollectionType(List.class, String.class));
  }

  private static JsonNode rpc(String url, String method, Object... params)
      throws IOException, InterruptedException {
    String body =
        JSON.writeValueAsString(
            Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", List.of(params)));
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(response.body());
    assertThat(answer.has("error")).as("%s: %s", method, answer).isFalse();
    return answer.path("result");
  }
}
