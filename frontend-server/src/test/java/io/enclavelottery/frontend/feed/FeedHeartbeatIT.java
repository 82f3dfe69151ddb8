package io.enclavelottery.frontend.feed;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The heartbeat, and the idle timeout it keeps live clients clear of. */
class FeedHeartbeatIT {

  private static final Duration HEARTBEAT = Duration.ofMillis(250);
  private static final Duration IDLE = Duration.ofMillis(1500);

  private FeedTestServer server;

  @BeforeEach
  void start() {
    server =
        new FeedTestServer(
            FeedSettings.defaults().withHeartbeat(HEARTBEAT, IDLE), FeedTestServer.direct());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void aHeartbeatArrivesWithTheViewsProgress() {
    try (FeedClient client = FeedClient.connect(server.feed())) {
      JsonNode heartbeat = client.awaitType("heartbeat");

      assertThat(heartbeat.path("schemaVersion").asInt()).isEqualTo(1);
      assertThat(heartbeat.path("viewBlock").asLong()).isEqualTo(120);
      assertThat(heartbeat.path("ready").asBoolean()).isTrue();
      assertThat(heartbeat.path("serverTime").asLong()).isPositive();
    }
  }

  @Test
  void aClientThatAnswersPingsOutlivesTheIdleTimeout() {
    try (FeedClient client = FeedClient.connect(server.feed())) {
      // a dozen heartbeats take twice the idle timeout
      client.await(
          m -> client.types().stream().filter("heartbeat"::equals).count() >= 12,
          Duration.ofSeconds(10));

      assertThat(client.isClosed()).isFalse();
      assertThat(server.dropped(DropReason.IDLE)).isZero();
    }
  }

  @Test
  void aClientThatNeverAnswersIsClosedAsIdle() throws IOException {
    try (RawFeedSocket silent = RawFeedSocket.open(server.port(), "/ws", Map.of(), 0)) {
      long started = System.nanoTime();

      RawFeedSocket.Frame close = silent.readUntilClose();

      assertThat(close.closeCode()).isEqualTo(1001);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(IDLE);
      assertThat(server.dropped(DropReason.IDLE)).isEqualTo(1);
    }
  }
}
