package io.enclavelottery.frontend.view;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.events.BetPlaced;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The wire shape shared by the REST API and the feed. */
class ViewJsonTest {

  @Test
  void weiIsADecimalStringTimesAreSecondsAndEmptyIsNull() throws Exception {
    BetPlaced bet =
        Events.bet(5, 1, Events.ALICE, 123_456_789_012_345_678L, 123_456_789_012_345_678L);
    ActivityItem item = ActivityItems.of(bet, Optional.empty()).orElseThrow();
    String json = ViewJson.mapper().writeValueAsString(item);
    assertThat(json)
        .contains("\"kind\":\"bet\"")
        .contains("\"amount\":\"123456789012345678\"")
        .contains("\"timestamp\":1005")
        .contains("\"actor\":\"" + Events.ALICE + "\"")
        .contains("\"id\":\"" + bet.position().transactionHash() + ":0\"");
    String round = ViewJson.mapper().writeValueAsString(RoundSnapshot.NONE);
    assertThat(round)
        .contains("\"totalPot\":\"0\"")
        .contains("\"state\":\"WAITING\"")
        .contains("\"seedCommitment\":\"0x" + "0".repeat(64) + "\"")
        .contains("\"totalExtension\":0");
    String empty = ViewJson.mapper().writeValueAsString(ViewSnapshot.empty(1, Events.CONTRACT));
    assertThat(empty).contains("\"config\":null");
  }
}
