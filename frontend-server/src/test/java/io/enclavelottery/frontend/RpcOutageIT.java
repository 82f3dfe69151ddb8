package io.enclavelottery.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.enclavelottery.chain.contract.LotteryPlay;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.devnet.Opened;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The server across an RPC outage: Anvil is stopped (after dumping its state) and started again on
 * the same port from that state. Meanwhile {@code /health} says degraded and the API serves what it
 * knew; afterwards the view catches up with what happened, in order, nothing twice.
 */
class RpcOutageIT {

  @TempDir Path dir;

  @AutoClose private final Opened opened = new Opened();

  @ParameterizedTest(name = "over WebSocket: {0}")
  @ValueSource(booleans = {false, true})
  void healthDegradesWhileTheNodeIsDownAndTheViewCatchesUpAfter(boolean overWebSocket) {
    AnvilLottery lottery = opened.add(AnvilLottery.start());
    LotteryPlay play = lottery.play();
    LocalAnvil anvil = lottery.anvil();
    for (int i = 1; i <= 3; i++) {
      play.bet(play.player(i % 4), LotteryPlay.ether("0.00" + i));
    }
    FrontendServer server =
        opened.add(
            TestServers.start(
                anvil,
                lottery.contract(),
                overWebSocket ? Map.of("BLOCKCHAIN_RPC_URL", anvil.wsUrl()) : Map.of()));
    HttpProbe http = new HttpProbe(server.port());
    await().atMost(Duration.ofSeconds(30)).until(() -> bets(http).size() == 3);
    assertThat(http.json("/health").get("status").asText()).isEqualTo("healthy");

    Path state = dir.resolve("state.json");
    lottery.goDown(state);
    await()
        .atMost(Duration.ofSeconds(15))
        .untilAsserted(
            () -> {
              var health = http.get("/health");
              assertThat(health.statusCode()).isEqualTo(200);
              assertThat(HttpProbe.parse(health.body()).get("status").asText())
                  .isEqualTo("degraded");
            });
    assertThat(http.json("/api/status").get("betCount").asLong())
        .as("still serving what it knew")
        .isEqualTo(3);

    lottery.comeBack(state);
    LotteryPlay again = lottery.play();
    for (int i = 4; i <= 6; i++) {
      again.bet(again.player(i % 4), LotteryPlay.ether("0.00" + i));
    }
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              assertThat(bets(http)).hasSize(6);
              assertThat(http.json("/health").get("status").asText()).isEqualTo("healthy");
            });

    List<String> amounts = new ArrayList<>();
    for (JsonNode bet : bets(http)) {
      amounts.add(bet.get("amount").asText());
    }
    List<String> expected = new ArrayList<>();
    for (int i = 6; i >= 1; i--) {
      expected.add(LotteryPlay.ether("0.00" + i).toString());
    }
    assertThat(amounts).as("newest first, each once").isEqualTo(expected);
    assertThat(bets(http).stream().map(b -> b.get("id").asText()).distinct()).hasSize(6);
    assertThat(http.json("/api/round/status").at("/round/totalPot").asText())
        .isEqualTo(again.contract().round().totalPot().toString());
    assertThat(again.contract().round().totalPot())
        .isEqualTo(LotteryPlay.ether("0.021").add(BigInteger.ZERO));
    // reads that go to the node (what the contract owes a player) come back too: the first one
    // may fail on the dropped connection, the next ones reconnect
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                http.get("/api/round/player?player=" + again.player(1).address()).statusCode()
                    == 200);
  }

  private static List<JsonNode> bets(HttpProbe http) {
    List<JsonNode> bets = new ArrayList<>();
    for (JsonNode item : http.json("/api/activities?limit=100").get("items")) {
      if (item.get("kind").asText().equals("bet")) {
        bets.add(item);
      }
    }
    return bets;
  }
}
