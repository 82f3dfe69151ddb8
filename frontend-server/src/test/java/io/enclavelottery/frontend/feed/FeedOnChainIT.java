package io.enclavelottery.frontend.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.contract.LotteryTestChain;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.chain.follower.ChainFollower;
import io.enclavelottery.chain.follower.FollowerConfig;
import io.enclavelottery.frontend.view.ViewFollow;
import io.enclavelottery.frontend.view.ViewLimits;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.utils.Convert;

/**
 * The feed over a view that follows a real contract on Anvil: what happens on chain reaches every
 * connected client. The tests run in order, as one round's story: bets, then the draw.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedOnChainIT {

  private static final BigInteger FINNEY =
      Convert.toWei("1", Convert.Unit.FINNEY).toBigIntegerExact();
  private static final Hex32 SEED = Hex32.parse("5eed".repeat(16));
  private static final Duration ON_CHAIN = Duration.ofSeconds(15);

  @AutoClose private static final Opened opened = new Opened();
  private static LotteryTestChain chain;
  private static Web3jLotteryContract lottery;
  private static final List<FeedClient> clients = new ArrayList<>();

  @BeforeAll
  static void startChainViewAndFeed() {
    chain = opened.add(LotteryTestChain.start());
    LotteryDeployer.Deployment deployment = chain.deploy();
    lottery = chain.contract(deployment.address());
    FollowerConfig config = FollowerConfig.defaults().withPollInterval(Duration.ofMillis(100));
    ChainFollower follower = opened.add(ChainFollower.forUrl(chain.rpcUrl(), config));
    ViewFollow follow =
        opened.add(
            ViewFollow.start(
                follower,
                config.confirmations(),
                lottery,
                LocalAnvil.CHAIN_ID,
                ViewLimits.defaults(),
                deployment.blockNumber()));
    await().atMost(ON_CHAIN).until(() -> follow.view().isReady());
    FeedTestServer server =
        opened.add(
            new FeedTestServer(FeedSettings.defaults(), FeedTestServer.direct(), follow.view()));
    for (int i = 0; i < 3; i++) {
      FeedClient client = opened.add(FeedClient.connect(server.feed()));
      client.awaitType("history_update");
      clients.add(client);
    }
  }

  @Test
  @Order(1)
  void aBetReachesEveryClientAsTheRoundAndItsPlayers() {
    String player = chain.player(0).address();

    chain.send(chain.player(0), lottery.placeBet(FINNEY.multiply(BigInteger.valueOf(3))));

    for (FeedClient client : clients) {
      JsonNode players =
          client.await(
              type("participants_update").and(m -> m.path("participants").size() == 1), ON_CHAIN);
      assertThat(players.path("participants").get(0).path("address").asText())
          .isEqualToIgnoringCase(player);
      assertThat(players.path("participants").get(0).path("amount").asText())
          .isEqualTo("3000000000000000");
      JsonNode round =
          client.await(
              type("round_update").and(m -> m.path("round").path("participantCount").asInt() == 1),
              ON_CHAIN);
      assertThat(round.path("round").path("roundId").asLong()).isEqualTo(1);
      assertThat(round.path("round").path("totalPot").asText()).isEqualTo("3000000000000000");
      client.await(type("activity").and(m -> m.path("kind").asText().equals("bet")), ON_CHAIN);
    }
  }

  @Test
  @Order(2)
  void aDrawReachesEveryClientAsTheWinnerAndTheNewRound() {
    chain.send(chain.player(1), lottery.placeBet(FINNEY));
    chain.commitAndDraw(lottery, SEED, chain.player(5));

    String winner = lottery.roundById(1).winner();
    for (FeedClient client : clients) {
      JsonNode history =
          client.await(type("history_update").and(m -> m.path("rounds").size() == 1), ON_CHAIN);
      JsonNode drawn = history.path("rounds").get(0).path("round");
      assertThat(drawn.path("roundId").asLong()).isEqualTo(1);
      assertThat(drawn.path("winner").asText()).isEqualToIgnoringCase(winner);
      assertThat(drawn.path("revealedSeed").asText()).isEqualTo(SEED.hex());
      JsonNode next =
          client.await(
              type("round_update").and(m -> m.path("round").path("roundId").asLong() == 2),
              ON_CHAIN);
      assertThat(next.path("round").path("participantCount").asInt()).isZero();
      client.await(type("participants_update").and(m -> m.path("roundId").asLong() == 2), ON_CHAIN);
    }
  }

  private static Predicate<JsonNode> type(String type) {
    return m -> type.equals(m.path("type").asText());
  }
}
