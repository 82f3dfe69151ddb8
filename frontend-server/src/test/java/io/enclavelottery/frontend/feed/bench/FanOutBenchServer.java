package io.enclavelottery.frontend.feed.bench;

import io.enclavelottery.chain.contract.LotteryTestChain;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.frontend.FrontendApp;
import io.enclavelottery.frontend.FrontendConfig;
import io.enclavelottery.frontend.FrontendServer;
import io.enclavelottery.frontend.feed.FeedSettings;
import io.enclavelottery.frontend.view.ViewChange;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The server side of the fan-out benchmark ({@code scripts/bench-feed}): the real frontend server
 * (its routes, with the feed mounted as production mounts it) following a lottery on a local Anvil,
 * plus {@code /bench/bet}, which places a bet on chain, and {@code /bench/arrival}, which tells
 * when the bet's activity item reached the feed ({@link System#nanoTime()}, the same clock as the
 * client process's on this machine). Prints {@code READY <port> <pid>} once the view is ready, then
 * serves until its standard input closes.
 *
 * <p>Usage: {@code java -cp … FanOutBenchServer [maxClients]}
 */
public final class FanOutBenchServer {

  private FanOutBenchServer() {}

  public static void main(String[] args) throws Exception {
    int maxClients = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    try (LotteryTestChain chain = LotteryTestChain.start()) {
      Web3jLotteryContract lottery = chain.contract(chain.deploy().address());
      // long enough for the whole run; the contract's default is two minutes
      chain.send(chain.operator(), lottery.updateBettingDuration(Duration.ofHours(1)));
      // every client is on one of a few loopback addresses
      FeedSettings settings =
          FeedSettings.defaults().withConnectionLimits(maxClients, maxClients + 100);
      FrontendApp app =
          FrontendApp.start(config(chain, lottery.address()), Optional.empty(), settings);
      BenchControl control = new BenchControl(chain, lottery);
      // subscribed after the hub: hears each change right after the hub took it
      app.view()
          .subscribe(
              change -> {
                if (change instanceof ViewChange.ActivityAdded added) {
                  control.arrived(added.item().transactionHash(), System.nanoTime());
                }
              });
      app.routes().mount("/bench", control);
      try (FrontendServer server = FrontendServer.serve(app)) {
        waitUntilReady(app);
        System.out.println("READY " + server.port() + " " + ProcessHandle.current().pid());
        System.out.flush();
        BufferedReader in =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        while (in.readLine() != null) {
          // serve until the script closes our standard input
        }
      }
    }
  }

  private static FrontendConfig config(LotteryTestChain chain, String contract) {
    Map<String, String> env =
        Map.of(
            "BLOCKCHAIN_RPC_URL",
            chain.anvil().wsUrl(),
            "BLOCKCHAIN_CHAIN_ID",
            Long.toString(LocalAnvil.CHAIN_ID),
            "BLOCKCHAIN_CONTRACT_ADDRESS",
            contract,
            "SERVER_HOST",
            "127.0.0.1",
            "SERVER_PORT",
            "0",
            // thousands of handshakes from a few addresses: no request rate limit
            "SERVER_RATE_LIMIT_PER_SECOND",
            "0");
    return FrontendConfig.fromEnvironment(env::get);
  }

  private static void waitUntilReady(FrontendApp app) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!app.view().isReady()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the view did not become ready within 60 s");
      }
      Thread.sleep(50);
    }
  }
}
