package io.enclavelottery.frontend.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.enclavelottery.frontend.view.ParticipantsSnapshot;
import io.enclavelottery.frontend.view.RoundSnapshot;
import io.enclavelottery.frontend.view.ViewChange;
import io.enclavelottery.frontend.view.ViewSnapshot;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The feed on a real Undertow server, with real WebSocket clients. */
class FeedHubIT {

  @AutoClose private final FeedTestServer server = FeedTestServer.withDefaults();

  @Test
  void aClientGetsTheSnapshotOnConnectOnEitherPath() {
    for (String path : FeedHub.PATHS) {
      try (FeedClient client = FeedClient.connect(server.uri(path))) {
        await().until(() -> client.messages().size() >= 4);

        assertThat(client.types())
            .startsWith("config_update", "round_update", "participants_update", "history_update");
        assertThat(client.messages())
            .allSatisfy(m -> assertThat(m.path("schemaVersion").asInt()).isEqualTo(1));
        JsonNode config = client.messages().get(0);
        assertThat(config.path("contract").asText()).isEqualTo(ViewScenes.CONTRACT);
        assertThat(config.path("settings").path("operator").asText())
            .isEqualTo(ViewScenes.OPERATOR);
        JsonNode round = client.messages().get(1);
        assertThat(round.path("round").path("roundId").asLong()).isEqualTo(2);
        JsonNode players = client.messages().get(2);
        assertThat(players.path("participants")).hasSize(2);
        assertThat(players.path("participants").get(0).path("amount").isTextual()).isTrue();
        assertThat(players.path("participants").get(0).path("amount").asText())
            .isEqualTo(ViewScenes.BIG_BET.toString());
        JsonNode history = client.messages().get(3);
        assertThat(history.path("rounds").get(0).path("round").path("roundId").asLong())
            .isEqualTo(1);
      }
    }
  }

  @Test
  void aChangeReachesEveryConnectedClient() {
    List<FeedClient> clients =
        List.of(
            FeedClient.connect(server.feed()),
            FeedClient.connect(server.uri("/ws/lottery")),
            FeedClient.connect(server.feed()));
    clients.forEach(c -> c.awaitType("history_update"));

    ViewSnapshot next = bet(server.view().snapshot(), 3, 121);
    server.publish(
        next,
        new ViewChange.ActivityAdded(ViewScenes.bet("0xabc:0", 2, 121)),
        new ViewChange.RoundChanged(next.round()),
        new ViewChange.ParticipantsChanged(next.participants()));

    for (FeedClient client : clients) {
      JsonNode round = client.await(roundWithPlayers(3), Duration.ofSeconds(10));
      assertThat(round.path("block").asLong()).isEqualTo(121);
      assertThat(client.await(m -> m.path("participants").size() == 3, Duration.ofSeconds(10)))
          .isNotNull();
      JsonNode activity = client.awaitType("activity");
      assertThat(activity.path("schemaVersion").asInt()).isEqualTo(1);
      assertThat(activity.path("id").asText()).isEqualTo("0xabc:0");
      assertThat(activity.path("amount").asText()).isEqualTo(ViewScenes.BIG_BET.toString());
      client.close();
    }
  }

  @Test
  void aReorganisationRetractsWhatItUndid() {
    try (FeedClient client = FeedClient.connect(server.feed())) {
      client.awaitType("history_update");
      ViewSnapshot before = server.view().snapshot();

      server.publish(
          before,
          new ViewChange.Retracted(118, List.of("0xabc:0")),
          new ViewChange.RoundChanged(before.round()));

      JsonNode retracted = client.awaitType("retracted");
      assertThat(retracted.path("schemaVersion").asInt()).isEqualTo(1);
      assertThat(retracted.path("forkBlock").asLong()).isEqualTo(118);
      assertThat(retracted.path("activityIds").get(0).asText()).isEqualTo("0xabc:0");
    }
  }

  @Test
  void aClientThatJoinsLaterStartsFromTheCurrentStateWithoutRepeats() {
    ViewSnapshot next = bet(server.view().snapshot(), 5, 130);
    server.publish(
        next,
        new ViewChange.RoundChanged(next.round()),
        new ViewChange.ParticipantsChanged(next.participants()));
    await().until(() -> roundWithPlayers(5).test(snapshotRound()));

    try (FeedClient client = FeedClient.connect(server.feed())) {
      client.awaitType("history_update");
      assertThat(client.messages().get(1).path("round").path("participantCount").asInt())
          .isEqualTo(5);
      ViewSnapshot later = bet(next, 6, 131);
      server.publish(later, new ViewChange.RoundChanged(later.round()));
      client.await(roundWithPlayers(6), Duration.ofSeconds(10));
      assertThat(client.types())
          .containsExactly(
              "config_update",
              "round_update",
              "participants_update",
              "history_update",
              "round_update");
    }
  }

  @Test
  void aPlainHttpRequestIsToldToUpgrade() throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ws"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(426);
    assertThat(response.body()).contains("\"error\"");
    assertThat(server.hub().connections()).isZero();
  }

  @Test
  void aClientsCloseIsAnsweredAndItsSlotFreed() throws Exception {
    try (RawFeedSocket client = RawFeedSocket.open(server.port())) {
      await().until(() -> server.hub().connections() == 1);

      client.sendFrame(RawFeedSocket.Frame.CLOSE, new byte[] {0x03, (byte) 0xe8});

      assertThat(client.readUntilClose().closeCode()).isEqualTo(1000);
      assertThat(client.atEnd()).isTrue();
      client.close();
      await().until(() -> server.hub().connections() == 0);
    }
  }

  @Test
  void anotherPathUnderThePrefixIsNotFound() throws Exception {
    try (RawFeedSocket socket = RawFeedSocket.open(server.port(), "/ws/other", Map.of(), 0)) {
      assertThat(socket.status()).isEqualTo(404);
    }
    assertThat(server.hub().connections()).isZero();
  }

  @Test
  void closingTheHubTellsClientsItIsGoingAway() {
    FeedClient client = FeedClient.connect(server.feed());
    client.awaitType("history_update");

    server.hub().close();

    assertThat(client.awaitClose(Duration.ofSeconds(10))).isEqualTo(1001);
  }

  @Test
  void theMetersCountConnectionsAndMessages() {
    try (FeedClient one = FeedClient.connect(server.feed());
        FeedClient two = FeedClient.connect(server.feed())) {
      one.awaitType("history_update");
      two.awaitType("history_update");

      assertThat(server.registry().get("lottery.feed.connections").gauge().value()).isEqualTo(2);
      await()
          .untilAsserted(
              () ->
                  assertThat(
                          server
                              .registry()
                              .get("lottery.feed.messages.sent")
                              .tag("type", "round_update")
                              .counter()
                              .count())
                      .isEqualTo(2));
      ViewSnapshot next = bet(server.view().snapshot(), 3, 121);
      server.publish(next, new ViewChange.RoundChanged(next.round()));
      one.await(roundWithPlayers(3), Duration.ofSeconds(10));
      await()
          .untilAsserted(
              () ->
                  assertThat(server.registry().get("lottery.feed.broadcast").timer().count())
                      .isEqualTo(1));
    }
    await().until(() -> server.hub().connections() == 0);
  }

  static ViewSnapshot bet(ViewSnapshot view, int players, long block) {
    RoundSnapshot round = ViewScenes.betting(view.round().roundId(), players, block);
    ParticipantsSnapshot participants =
        ViewScenes.participants(view.round().roundId(), players, block);
    return ViewScenes.withRound(view, round, participants);
  }

  static java.util.function.Predicate<JsonNode> roundWithPlayers(int players) {
    return m ->
        "round_update".equals(m.path("type").asText())
            && m.path("round").path("participantCount").asInt() == players;
  }

  private JsonNode snapshotRound() {
    try (FeedClient probe = FeedClient.connect(server.feed())) {
      probe.awaitType("history_update");
      return probe.messages().get(1);
    }
  }
}
