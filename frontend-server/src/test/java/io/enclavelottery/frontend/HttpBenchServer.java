package io.enclavelottery.frontend;

import io.enclavelottery.chain.contract.LotteryPlay;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.frontend.view.ViewChange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The server side of {@code scripts/bench-http}: a local Anvil with a deployed lottery and a round
 * of ten bets, and a frontend server on 127.0.0.1 (no rate limit) following it. Prints {@code READY
 * <port>} once the view is ready, then serves until its standard input closes.
 *
 * <p>Usage: {@code java -cp … io.enclavelottery.frontend.HttpBenchServer [port]}
 */
public final class HttpBenchServer {

  private HttpBenchServer() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    String port = args.length > 0 ? args[0] : "0";
    try (LocalAnvil anvil = LocalAnvil.start(LocalAnvil.Options.defaults().automine())) {
      String contract = LotteryPlay.deploy(anvil).address();
      try (LotteryPlay play = new LotteryPlay(anvil, contract)) {
        for (int i = 0; i < 10; i++) {
          play.bet(play.player(i % 8), LotteryPlay.ether("0.01"));
        }
      }
      try (FrontendServer server =
          TestServers.start(
              anvil,
              contract,
              Map.of("SERVER_PORT", port, "EVENTMGR_POLL_INTERVAL_SECONDS", "2"))) {
        CountDownLatch ready = new CountDownLatch(1);
        server
            .app()
            .view()
            .subscribe(
                change -> {
                  if (change instanceof ViewChange.SyncChanged) {
                    ready.countDown();
                  }
                });
        if (!server.app().view().isReady() && !ready.await(60, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the view did not become ready within 60 s");
        }
        System.out.println("READY " + server.port());
        System.out.flush();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
          // serve until the script closes our standard input
        }
      }
    }
  }
}
