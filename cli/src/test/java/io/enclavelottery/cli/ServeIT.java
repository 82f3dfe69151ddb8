package io.enclavelottery.cli;

import static io.enclavelottery.cli.LocalHttp.freePort;
import static io.enclavelottery.cli.LocalHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.devnet.LocalAnvil;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** {@code ./lottery serve} as a user runs it: the shaded jar against a contract on Anvil. */
class ServeIT {

  @Test
  void servesTheApiUntilSigterm() throws Exception {
    try (LocalAnvil anvil = LocalAnvil.start(LocalAnvil.Options.defaults().automine())) {
      String contract = deploy(anvil);
      int port = freePort();
      Map<String, String> environment =
          Map.of(
              "BLOCKCHAIN_RPC_URL",
              anvil.httpUrl(),
              "BLOCKCHAIN_CHAIN_ID",
              "31337",
              "BLOCKCHAIN_CONTRACT_ADDRESS",
              contract,
              "SERVER_HOST",
              "127.0.0.1",
              "SERVER_PORT",
              Integer.toString(port),
              "EVENTMGR_POLL_INTERVAL_SECONDS",
              "0.2");
      try (RunningProcess serve = RunningProcess.lotteryJar(environment, "serve")) {
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    serve.out().stream().anyMatch(line -> line.startsWith("Serving lottery"))
                        || !serve.process().isAlive());
        assertThat(serve.process().isAlive()).as("stderr: %s", serve.err()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> get(port, "/ready").statusCode() == 200);
        HttpResponse<String> status = get(port, "/api/status");
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"contract\":\"" + contract + "\"");
        assertThat(get(port, "/health").body()).contains("\"status\":\"healthy\"");

        serve.process().toHandle().destroy(); // SIGTERM: the shutdown hook closes the server
        serve.awaitExit(30);
        assertThat(serve.process().isAlive()).isFalse();
        assertThat(listening(port)).isFalse();
      }
    }
  }

  private static String deploy(LocalAnvil anvil) {
    Web3j web3j = Web3j.build(new HttpService(anvil.httpUrl()));
    try {
      return new LotteryDeployer(web3j, anvil.httpUrl())
          .deploy(
              anvil.account(0).key(),
              LotteryDeployer.Options.forLocalChain(anvil.account(1).address()))
          .address();
    } finally {
      web3j.shutdown();
    }
  }

  private static boolean listening(int port) {
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
