package io.enclavelottery.frontend.feed;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedSettingsTest {

  @Test
  void anIdleTimeoutNotLongerThanTheHeartbeatIsRefused() {
    assertThatThrownBy(
            () ->
                FeedSettings.defaults()
                    .withHeartbeat(Duration.ofSeconds(30), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("idleTimeout");
  }

  @Test
  void limitsBelowOneAndNonPositiveTimesAreRefusedByName() {
    assertThatThrownBy(() -> FeedSettings.defaults().withConnectionLimits(0, 10))
        .hasMessageContaining("maxConnectionsPerAddress");
    assertThatThrownBy(() -> FeedSettings.defaults().withConnectionLimits(1, -1))
        .hasMessageContaining("maxConnections");
    assertThatThrownBy(() -> FeedSettings.defaults().withMaxIncomingMessageBytes(0))
        .hasMessageContaining("maxIncomingMessageBytes");
    assertThatThrownBy(() -> FeedSettings.defaults().withOutboundLimits(Duration.ZERO, 1, 1))
        .hasMessageContaining("sendTimeout");
    assertThatThrownBy(
            () -> FeedSettings.defaults().withOutboundLimits(Duration.ofSeconds(1), 0, 1))
        .hasMessageContaining("maxQueuedMessages");
  }
}
