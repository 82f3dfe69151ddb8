package io.enclavelottery.frontend.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.contract.LotteryTestChain;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.frontend.FrontendConfig;
import io.enclavelottery.frontend.FrontendServer;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Convert;

/** The server as {@code ./lottery serve} assembles it carries the feed on its own port. */
class ServedFeedIT {

  private static final BigInteger FINNEY =
      Convert.toWei("1", Convert.Unit.FINNEY).toBigIntegerExact();

  @Test
  void theAssembledServerServesTheFeedBesideTheApi() {
    try (LotteryTestChain chain = LotteryTestChain.start()) {
      LotteryDeployer.Deployment deployment = chain.deploy();
      Web3jLotteryContract lottery = chain.contract(deployment.address());
      Map<String, String> env =
          Map.of(
              "BLOCKCHAIN_RPC_URL",
              chain.rpcUrl(),
              "BLOCKCHAIN_CHAIN_ID",
              Long.toString(LocalAnvil.CHAIN_ID),
              "BLOCKCHAIN_CONTRACT_ADDRESS",
              deployment.address(),
              "SERVER_HOST",
              "127.0.0.1",
              "SERVER_PORT",
              "0",
              "EVENTMGR_POLL_INTERVAL_SECONDS",
              "0.05");
      try (FrontendServer server = FrontendServer.start(FrontendConfig.fromEnvironment(env::get));
          FeedClient client =
              FeedClient.connect(URI.create("ws://127.0.0.1:" + server.port() + "/ws/lottery"))) {
        assertThat(client.awaitType("config_update").path("schemaVersion").asInt()).isEqualTo(1);
        client.awaitType("round_update");
        client.awaitType("participants_update");
        client.awaitType("history_update");

        chain.send(chain.player(0), lottery.placeBet(FINNEY.multiply(BigInteger.TEN)));

        JsonNode bet =
            client.await(
                m ->
                    "participants_update".equals(m.path("type").asText())
                        && m.path("participants").size() == 1,
                Duration.ofSeconds(15));
        assertThat(bet.path("participants").get(0).path("address").asText())
            .isEqualTo(chain.player(0).address());
        assertThat(bet.path("totalPot").asText()).isEqualTo("10000000000000000");
      }
    }
  }
}
