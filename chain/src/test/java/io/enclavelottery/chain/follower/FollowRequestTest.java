package io.enclavelottery.chain.follower;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class FollowRequestTest {

  private static final String MIXED_CASE = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

  @Test
  void normalisesTheAddressAndTopics() {
    FollowRequest request =
        FollowRequest.from(" " + MIXED_CASE + " ", 7).onlyEvents(List.of("0x" + "AB".repeat(32)));
    assertThat(request.address()).isEqualTo(MIXED_CASE.toLowerCase());
    assertThat(request.fromBlock()).isEqualTo(7);
    assertThat(request.eventTopics()).containsExactly("0x" + "ab".repeat(32));
    assertThat(FollowRequest.fromHead(MIXED_CASE).fromBlock()).isEqualTo(FollowRequest.FROM_HEAD);
  }

  @Test
  void refusesWhatIsNotAnAddressABlockOrATopic() {
    assertThatThrownBy(() -> FollowRequest.from("0x1234", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a contract address");
    assertThatThrownBy(() -> FollowRequest.from(MIXED_CASE, -2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FollowRequest.from(MIXED_CASE, 0).onlyEvents(List.of("0x12")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an event topic");
  }

  @Test
  void aChainLogSurvivesTheTripThroughWeb3jsLog() {
    ChainLog log =
        new ChainLog(
            MIXED_CASE,
            1_234,
            "0x" + "0A".repeat(32),
            "0x" + "0b".repeat(32),
            3,
            17,
            List.of("0x" + "0c".repeat(32), "0x" + "0d".repeat(32)),
            "0x01");
    assertThat(log.address()).isEqualTo(MIXED_CASE.toLowerCase());
    assertThat(ChainLog.of(log.toWeb3jLog())).isEqualTo(log);
    assertThat(log.topic0()).contains("0x" + "0c".repeat(32));
  }

  @Test
  void configRefusesAWindowNoDeeperThanTheConfirmations() {
    assertThatThrownBy(() -> FollowerConfig.defaults().withConfirmations(10).withReorgWindow(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("reorgWindow");
    assertThat(FollowerConfig.defaults().withConfirmations(200).reorgWindow()).isEqualTo(201);
  }
}
