package io.enclavelottery.frontend.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.frontend.view.SyncStatus;
import io.enclavelottery.frontend.view.ViewChange;
import io.enclavelottery.frontend.view.ViewSnapshot;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The message shapes documented in docs/API.md, "WebSocket feed". */
class FeedEncoderTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final FeedEncoder encoder = new FeedEncoder();

  @Test
  void theSnapshotIsFourMessagesEachWithTypeAndSchemaVersion() throws IOException {
    List<JsonNode> messages =
        Arrays.stream(encoder.snapshot(ViewScenes.initial())).map(this::parse).toList();

    assertThat(messages)
        .extracting(m -> m.path("type").asText())
        .containsExactly("config_update", "round_update", "participants_update", "history_update");
    assertThat(messages).allSatisfy(m -> assertThat(m.path("schemaVersion").asInt()).isEqualTo(1));
    JsonNode config = messages.get(0);
    assertThat(config.path("chainId").asLong()).isEqualTo(ViewScenes.CHAIN_ID);
    assertThat(config.path("block").asLong()).isEqualTo(50);
    assertThat(config.path("settings").path("minBetAmount").asText()).isEqualTo("1000000000000000");
    assertThat(config.path("settings").path("bettingDuration").asLong()).isEqualTo(300);
    JsonNode round = messages.get(1).path("round");
    assertThat(round.path("totalPot").isTextual()).isTrue();
    assertThat(round.path("totalPot").asText()).isEqualTo("3000000000000000002");
    assertThat(round.path("endTime").asLong()).isEqualTo(1_700_002_300L);
    JsonNode players = messages.get(2);
    assertThat(players.path("roundId").asLong()).isEqualTo(2);
    assertThat(players.path("participants").get(1).path("amount").asText())
        .isEqualTo("1500000000000000001");
    JsonNode finished = messages.get(3).path("rounds").get(0);
    assertThat(finished.path("finishedAt").asLong()).isPositive();
    assertThat(finished.path("refundReason").isNull()).isTrue();
  }

  @Test
  void beforeTheSettingsAreReadTheConfigSaysWhereWithNullSettings() {
    JsonNode config =
        parse(encoder.snapshot(ViewSnapshot.empty(ViewScenes.CHAIN_ID, ViewScenes.CONTRACT))[0]);

    assertThat(config.path("type").asText()).isEqualTo("config_update");
    assertThat(config.path("contract").asText()).isEqualTo(ViewScenes.CONTRACT);
    assertThat(config.path("settings").isNull()).isTrue();
    assertThat(config.path("block").asLong()).isEqualTo(-1);
  }

  @Test
  void anActivityIsTheItemWithItsType() {
    JsonNode activity =
        parse(
            encoder
                .encode(new ViewChange.ActivityAdded(ViewScenes.bet("0xab:3", 2, 121)))
                .orElseThrow());

    assertThat(activity.path("type").asText()).isEqualTo("activity");
    assertThat(activity.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(activity.path("id").asText()).isEqualTo("0xab:3");
    assertThat(activity.path("kind").asText()).isEqualTo("bet");
    assertThat(activity.path("amount").asText()).isEqualTo(ViewScenes.BIG_BET.toString());
    assertThat(activity.path("block").asLong()).isEqualTo(121);
  }

  @Test
  void aRetractionNamesTheForkAndTheItemsUndone() {
    JsonNode retracted =
        parse(
            encoder.encode(new ViewChange.Retracted(99, List.of("0xa:1", "0xb:2"))).orElseThrow());

    assertThat(retracted.path("type").asText()).isEqualTo("retracted");
    assertThat(retracted.path("forkBlock").asLong()).isEqualTo(99);
    assertThat(retracted.path("activityIds"))
        .extracting(JsonNode::asText)
        .containsExactly("0xa:1", "0xb:2");
  }

  @Test
  void theHeartbeatCarriesServerTimeAndProgress() {
    JsonNode heartbeat =
        parse(
            encoder.heartbeat(
                new SyncStatus(ViewScenes.CHAIN_ID, ViewScenes.CONTRACT, 10, 12, true),
                Instant.ofEpochMilli(1_700_000_000_123L)));

    assertThat(heartbeat.path("type").asText()).isEqualTo("heartbeat");
    assertThat(heartbeat.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(heartbeat.path("serverTime").asLong()).isEqualTo(1_700_000_000_123L);
    assertThat(heartbeat.path("viewBlock").asLong()).isEqualTo(10);
    assertThat(heartbeat.path("latestBlock").asLong()).isEqualTo(12);
    assertThat(heartbeat.path("ready").asBoolean()).isTrue();
  }

  @Test
  void readinessIsNotAMessageOfItsOwn() {
    assertThat(
            encoder.encode(
                new ViewChange.SyncChanged(
                    new SyncStatus(ViewScenes.CHAIN_ID, ViewScenes.CONTRACT, 1, 1, true))))
        .isEmpty();
  }

  private JsonNode parse(FeedEncoder.Encoded encoded) {
    try {
      JsonNode node = JSON.readTree(encoded.json());
      assertThat(node.path("type").asText()).isEqualTo(encoded.type().wireName());
      return node;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
