package io.enclavelottery.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryPlay;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.frontend.view.ViewChange;
import io.enclavelottery.frontend.view.ViewJson;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The view rebuilt from a real Anvil's events equals what the contract says: current round,
 * players, finished rounds (drawn, refunded without a seed, refunded for too few players after the
 * reveal), settings; a restarted server shows the same history; the live view follows new bets;
 * draw verification and what the contract owes a player come from the chain.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ViewRebuildIT {

  private static final ObjectMapper WIRE = ViewJson.mapper();

  @AutoClose private final Opened opened = new Opened();
  private LocalAnvil anvil;
  private LotteryPlay play;
  private String contract;
  private FrontendServer server;
  private HttpProbe http;

  @BeforeAll
  void playSomeRounds() {
    AnvilLottery lottery = opened.add(AnvilLottery.start());
    anvil = lottery.anvil();
    contract = lottery.contract();
    play = lottery.play();
    DevAccount p0 = play.player(0);
    DevAccount p1 = play.player(1);
    DevAccount p2 = play.player(2);
    DevAccount p3 = play.player(3);
    play.drawnRound(p0, p1, p2); // round 1: completed
    play.refundedRound(p3); // round 2: refunded, no seed
    play.bet(p0, LotteryPlay.ether("0.05")); // round 3: one player, seed revealed, refunded
    play.commitAndDraw();
    play.send(p3, play.contract().claimRefund(2));
    play.send(play.operator(), play.contract().updateMinBetAmount(LotteryPlay.ether("0.002")));
    play.drawnRound(p1, p2); // round 4: completed
    play.bet(p0, LotteryPlay.ether("0.01")); // round 5: running, 2 players, 3 bets
    play.bet(p1, LotteryPlay.ether("0.03"));
    play.bet(p0, LotteryPlay.ether("0.02"));
    server = opened.add(TestServers.start(anvil, contract));
    http = new HttpProbe(server.port());
    awaitReady();
  }

  @Test
  void theCurrentRoundAndItsPlayersAreTheContracts() {
    Web3jLotteryContract chain = play.contract();
    assertThat(http.json("/api/round/status").get("round")).isEqualTo(wire(chain.round()));
    JsonNode players = http.json("/api/round/participants");
    assertThat(players.get("participants")).isEqualTo(wire(chain.participants(0, 1_000)));
    assertThat(players.get("totalPot").asText()).isEqualTo(chain.round().totalPot().toString());
    assertThat(http.json("/api/round/participants?limit=1").get("participants")).hasSize(1);
    JsonNode status = http.json("/api/status");
    assertThat(status.get("roundId").asLong()).isEqualTo(5);
    assertThat(status.get("participantCount").asLong()).isEqualTo(2);
    assertThat(status.get("betCount").asLong()).isEqualTo(3);
    assertThat(status.get("totalPot").isTextual()).as("wei as a decimal string").isTrue();
  }

  @Test
  void historyHoldsEveryFinishedRoundAsTheContractStoresIt() {
    JsonNode rounds = http.json("/api/history").get("rounds");
    assertThat(rounds).hasSize(4);
    for (int i = 0; i < 4; i++) {
      long roundId = 4 - i;
      assertThat(rounds.get(i).get("round"))
          .as("round %d", roundId)
          .isEqualTo(wire(play.contract().roundById(roundId)));
    }
    assertThat(rounds.get(1).get("round").get("state").asText()).isEqualTo("REFUNDED");
    assertThat(rounds.get(1).get("round").get("revealedSeed").asText())
        .as("the seed revealed before the too-few-players refund, read from the contract")
        .isNotEqualTo(Hex32.ZERO.hex());
    assertThat(rounds.get(1).get("refundReason").asText()).isEqualTo("Insufficient participants");
    assertThat(http.json("/api/history?limit=2").get("rounds")).hasSize(2);
  }

  @Test
  void settingsAreReadAtTheViewsBlock() {
    assertThat(http.json("/api/contract/config").get("settings"))
        .isEqualTo(wire(play.contract().settings()));
    assertThat(http.json("/api/contract/config").at("/settings/minBetAmount").asText())
        .isEqualTo(LotteryPlay.ether("0.002").toString());
    assertThat(http.json("/api/contract/address").get("contract").asText()).isEqualTo(contract);
  }

  @Test
  void aPlayerSeesTheirBetChanceAndWhatTheContractOwesThem() {
    DevAccount p0 = play.player(0);
    JsonNode player = http.json("/api/round/player?player=" + checksumless(p0.address()));
    BigInteger bet = play.contract().betAmount(p0.address());
    assertThat(player.get("amount").asText()).isEqualTo(bet.toString());
    assertThat(player.get("chance").asDouble()).isCloseTo(0.5, offset(1e-9));
    BigInteger owed = play.contract().refundOwed(3, p0.address());
    assertThat(owed).isPositive();
    assertThat(player.at("/owed/refunds/0/roundId").asLong()).isEqualTo(3);
    assertThat(player.at("/owed/refunds/0/amount").asText()).isEqualTo(owed.toString());
    JsonNode p3 = http.json("/api/round/player?player=" + play.player(3).address());
    assertThat(p3.at("/owed/refunds")).as("round 2's refund was claimed").isEmpty();
    assertThat(p3.get("amount").asText()).isEqualTo("0");
  }

  @Test
  void drawVerificationMatchesAndIsKeptForFinishedRounds() {
    JsonNode first = http.json("/api/rounds/1/verification");
    assertThat(first.get("matches").asBoolean()).isTrue();
    assertThat(first.get("recomputedWinner").asText())
        .isEqualTo(play.contract().roundById(1).winner());
    assertThat(http.json("/api/rounds/1/verification")).isEqualTo(first);
    JsonNode refunded = http.json("/api/rounds/2/verification");
    assertThat(refunded.get("matches").asBoolean()).isFalse();
    assertThat(refunded.get("state").asText()).isEqualTo("REFUNDED");
    assertThat(http.get("/api/rounds/99/verification").statusCode()).isEqualTo(404);
  }

  @Test
  void aRestartedServerShowsTheSameHistoryAndActivity() {
    String history = http.get("/api/history?limit=50").body();
    String activities = http.get("/api/activities?limit=200").body();
    try (FrontendServer again = TestServers.start(anvil, contract)) {
      HttpProbe second = new HttpProbe(again.port());
      await().atMost(Duration.ofSeconds(30)).until(() -> second.get("/ready").statusCode() == 200);
      assertThat(second.get("/api/history?limit=50").body()).isEqualTo(history);
      assertThat(second.get("/api/activities?limit=200").body()).isEqualTo(activities);
    }
  }

  @Test
  void aNewBetReachesTheViewAndItsListeners() {
    List<ViewChange> changes = new CopyOnWriteArrayList<>();
    try (var subscription = server.app().view().subscribe(changes::add)) {
      long before = server.app().view().snapshot().round().round().betCount();
      play.bet(play.player(2), LotteryPlay.ether("0.04"));
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> server.app().view().snapshot().round().round().betCount() == before + 1);
      assertThat(changes)
          .anySatisfy(c -> assertThat(c).isInstanceOf(ViewChange.ActivityAdded.class))
          .anySatisfy(c -> assertThat(c).isInstanceOf(ViewChange.RoundChanged.class))
          .anySatisfy(c -> assertThat(c).isInstanceOf(ViewChange.ParticipantsChanged.class));
      assertThat(http.json("/api/round/participants").get("participants"))
          .isEqualTo(wire(play.contract().participants(0, 1_000)));
      assertThat(http.json("/api/activities?limit=1").at("/items/0/kind").asText())
          .isEqualTo("bet");
    }
  }

  private void awaitReady() {
    await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/ready").statusCode() == 200);
  }

  /** The address with upper-case hex digits: addresses are accepted in any case. */
  private static String checksumless(String address) {
    return "0x" + address.substring(2).toUpperCase(java.util.Locale.ROOT);
  }

  /** The value as the server writes it, read back as a client reads it. */
  private static JsonNode wire(Object value) {
    try {
      return HttpProbe.parse(WIRE.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
