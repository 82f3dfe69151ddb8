package io.enclavelottery.frontend.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.enclavelottery.frontend.view.ViewChange;
import io.enclavelottery.frontend.view.ViewSnapshot;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** A client that stops reading is dropped and costs the others nothing. */
class FeedSlowClientIT {

  /** About 38 KB per participants message: the stalled client is dropped after about 80. */
  private static final int PLAYERS = 500;

  private static final int CHANGES = 150;

  @AutoClose private FeedTestServer server;

  @Test
  void aClientThatStopsReadingIsDroppedWhileTheOthersKeepReceivingPromptly() throws Exception {
    FeedSettings settings =
        FeedSettings.defaults().withOutboundLimits(Duration.ofSeconds(30), 64, 512 * 1024);
    server = new FeedTestServer(settings, FeedTestServer.direct());
    try (RawFeedSocket stalled = RawFeedSocket.open(server.port(), "/ws", Map.of(), 4096);
        FeedClient reader = FeedClient.connect(server.feed())) {
      assertThat(stalled.status()).isEqualTo(101);
      reader.awaitType("history_update");
      await().until(() -> server.hub().connections() == 2);

      List<Long> lags = new ArrayList<>();
      ViewSnapshot view = server.view().snapshot();
      for (int i = 1; i <= CHANGES; i++) {
        ViewSnapshot next =
            ViewScenes.withRound(
                view,
                ViewScenes.betting(2, PLAYERS, 200 + i),
                ViewScenes.participants(2, PLAYERS, 200 + i));
        long published = System.nanoTime();
        server.publish(next, new ViewChange.ParticipantsChanged(next.participants()));
        long block = 200 + i;
        reader.await(m -> m.path("block").asLong() == block, Duration.ofSeconds(5));
        lags.add(System.nanoTime() - published);
      }

      assertThat(server.dropped(DropReason.QUEUE_FULL)).isEqualTo(1);
      await().until(() -> server.hub().connections() == 1);
      assertThat(reader.isClosed()).isFalse();
      long slowest = lags.stream().mapToLong(Long::longValue).max().orElseThrow();
      assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(1));
      JsonNode last = reader.messages().get(reader.messages().size() - 1);
      assertThat(last.path("block").asLong()).isEqualTo(200 + CHANGES);
    }
  }

  @Test
  void aWriteStuckPastTheSendTimeoutDropsTheClient() throws Exception {
    FeedSettings settings =
        FeedSettings.defaults().withOutboundLimits(Duration.ofMillis(500), 100_000, 1L << 30);
    server = new FeedTestServer(settings, FeedTestServer.direct());
    try (RawFeedSocket stalled = RawFeedSocket.open(server.port(), "/ws", Map.of(), 4096)) {
      await().until(() -> server.hub().connections() == 1);
      ViewSnapshot view = server.view().snapshot();
      // enough bytes to fill the socket buffers, not the (huge) queue
      for (int i = 1; i <= 200 && server.hub().connections() == 1; i++) {
        ViewSnapshot next =
            ViewScenes.withRound(
                view,
                ViewScenes.betting(2, PLAYERS, 200 + i),
                ViewScenes.participants(2, PLAYERS, 200 + i));
        server.publish(next, new ViewChange.ParticipantsChanged(next.participants()));
      }

      await().atMost(Duration.ofSeconds(10)).until(() -> server.hub().connections() == 0);
      assertThat(server.dropped(DropReason.SEND_TIMEOUT)).isEqualTo(1);
      assertThat(server.dropped(DropReason.QUEUE_FULL)).isZero();
    }
  }
}
