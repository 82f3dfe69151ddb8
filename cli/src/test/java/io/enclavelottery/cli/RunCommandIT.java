package io.enclavelottery.cli;

import static io.enclavelottery.cli.LocalHttp.freePort;
import static io.enclavelottery.cli.LocalHttp.get;
import static io.enclavelottery.cli.LocalHttp.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.operator.keeper.KeeperChain;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lottery run} as a user runs it: the shaded jar in its own process, configured by
 * environment variables only, against a real Anvil with 1-second blocks.
 */
class RunCommandIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  private KeeperChain chain;
  private String key;

  @TempDir Path temp;

  @BeforeEach
  void startChain() {
    chain = KeeperChain.start(Duration.ofSeconds(30));
    key = LocalChain.publicTestKey(chain.operator()).substring(2);
  }

  @AfterEach
  void stopChain() {
    chain.close();
  }

  @Test
  void keepsTheContractAnswersHealthAndMetricsAndNeverShowsTheKey() throws Exception {
    int port = freePort();
    Path logFile = temp.resolve("lottery.log");
    Map<String, String> environment =
        Map.of(
            "BLOCKCHAIN_RPC_URL", chain.anvil().wsUrl(),
            "BLOCKCHAIN_CHAIN_ID", "31337",
            "BLOCKCHAIN_CONTRACT_ADDRESS", chain.lottery(),
            "BLOCKCHAIN_OPERATOR_PRIVATE_KEY", "0x" + key,
            "SERVER_HOST", "127.0.0.1",
            "SERVER_PORT", Integer.toString(port),
            "APP_LOG_FILE", logFile.toString());
    List<String> responses = new ArrayList<>();
    try (RunningProcess run = RunningProcess.lotteryJar(environment, "run")) {
      await()
          .atMost(PATIENCE)
          .until(() -> status(port, "/health") == 200 || !run.process().isAlive());
      await()
          .atMost(PATIENCE)
          .until(() -> get(port, "/health").body().contains("\"keeper\":\"running\""));
      HttpResponse<String> health = get(port, "/health");
      responses.add(health.body());
      assertThat(health.headers().firstValue("content-type")).hasValue("application/json");
      assertThat(health.body())
          .contains("\"chainId\":31337")
          .contains("\"keeper\":\"running\"")
          .containsPattern("\"status\":\"(healthy|degraded)\"");

      chain.bet(0);
      chain.bet(1);
      await().atMost(PATIENCE).until(() -> chain.contract().round().seedCommitted());
      chain.jumpTo(chain.contract().round().minDrawTime().minusSeconds(3));
      await()
          .atMost(PATIENCE)
          .until(() -> chain.contract().roundById(1).state() == RoundState.COMPLETED);

      await()
          .atMost(PATIENCE)
          .until(() -> get(port, "/health").body().contains("\"status\":\"healthy\""));
      responses.add(get(port, "/health").body());
      HttpResponse<String> metrics = get(port, "/metrics");
      responses.add(metrics.body());
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains("lottery_keeper_decisions_total{")
          .contains("lottery_keeper_transactions_total{action=\"drawWinner\"")
          .contains("lottery_draw_latency_seconds_count{")
          .contains("lottery_operator_balance_ether{")
          .contains("lottery_operator_bond_ether{")
          .contains("lottery_keeper_pending_transaction_age_seconds{")
          .contains("lottery_follower_lag_blocks")
          // the feed's meters, from the same scrape
          .contains("frontend_view_block");

      // the feed server's API and WebSocket feed on the same port
      await()
          .atMost(PATIENCE)
          .until(
              () -> get(port, "/api/history?limit=1").body().contains("\"state\":\"COMPLETED\""));
      responses.add(get(port, "/api/history?limit=1").body());
      HttpResponse<String> verification = get(port, "/api/rounds/1/verification");
      responses.add(verification.body());
      assertThat(verification.body()).contains("\"matches\":true");
      List<String> feed = new CopyOnWriteArrayList<>();
      WebSocket socket =
          HttpClient.newHttpClient()
              .newWebSocketBuilder()
              .buildAsync(
                  URI.create("ws://127.0.0.1:" + port + "/ws"),
                  new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(
                        WebSocket ws, CharSequence data, boolean last) {
                      feed.add(data.toString());
                      ws.request(1);
                      return null;
                    }
                  })
              .get(10, TimeUnit.SECONDS);
      await()
          .atMost(PATIENCE)
          .until(() -> feed.stream().anyMatch(m -> m.contains("history_update")));
      socket.abort();
      responses.addAll(feed);

      run.process().toHandle().destroy(); // SIGTERM
      run.awaitExit(30);
      assertThat(run.out()).anyMatch(line -> line.endsWith("stopped"));
      List<String> everything = new ArrayList<>(run.out());
      everything.addAll(run.err());
      everything.addAll(Files.readAllLines(logFile));
      everything.addAll(responses);
      assertThat(everything)
          .anyMatch(line -> line.contains("round 1 drawn in block"))
          .noneMatch(line -> line.toLowerCase().contains(key));
    }
  }

  @Test
  void aNodeOnAnotherChainIsAnErrorInWordsAndNothingIsSent() throws Exception {
    int port = freePort();
    Map<String, String> environment =
        Map.of(
            "BLOCKCHAIN_RPC_URL",
            chain.anvil().httpUrl(),
            "BLOCKCHAIN_CHAIN_ID",
            "1",
            "BLOCKCHAIN_CONTRACT_ADDRESS",
            chain.lottery(),
            "BLOCKCHAIN_OPERATOR_PRIVATE_KEY",
            "0x" + key,
            "SERVER_HOST",
            "127.0.0.1",
            "SERVER_PORT",
            Integer.toString(port));
    long operatorNonce = chain.nonce(chain.operator().address());
    try (RunningProcess run = RunningProcess.lotteryJar(environment, "run")) {
      chain.bet(0);
      chain.bet(1);
      await()
          .atMost(PATIENCE)
          .until(() -> status(port, "/health") == 503 || !run.process().isAlive());
      HttpResponse<String> health = get(port, "/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body())
          .contains("\"status\":\"error\"")
          .contains("the node is on chain 31337, not on the configured chain 1");
      assertThat(chain.pendingNonce(chain.operator().address())).isEqualTo(operatorNonce);
    }
  }
}
