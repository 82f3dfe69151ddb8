package io.enclavelottery.frontend.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.frontend.view.ViewChange;
import io.enclavelottery.frontend.view.ViewSnapshot;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** A thousand real WebSocket clients at once, from one address. */
class FeedFanOutIT {

  private static final int CLIENTS = 1_000;

  @Test
  void aThousandConcurrentClientsAllReceiveABroadcast() {
    FeedSettings settings = FeedSettings.defaults().withConnectionLimits(CLIENTS, CLIENTS);
    ExecutorService clientThreads = Executors.newFixedThreadPool(4);
    HttpClient http = HttpClient.newBuilder().executor(clientThreads).build();
    List<FeedClient> clients = new ArrayList<>();
    try (FeedTestServer server = new FeedTestServer(settings, FeedTestServer.direct())) {
      List<CompletableFuture<FeedClient>> connecting = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        connecting.add(FeedClient.connectAsync(http, server.feed()));
        if (connecting.size() % 100 == 0) {
          // let the handshakes of one batch finish before the next floods the backlog
          CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).join();
        }
      }
      connecting.forEach(c -> clients.add(c.join()));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> clients.stream().allMatch(c -> c.messages().size() >= 4));
      assertThat(server.hub().connections()).isEqualTo(CLIENTS);

      ViewSnapshot next = FeedHubIT.bet(server.view().snapshot(), 7, 777);
      long published = System.nanoTime();
      server.publish(next, new ViewChange.RoundChanged(next.round()));

      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(10))
          .until(
              () ->
                  clients.stream()
                      .allMatch(c -> c.find(FeedHubIT.roundWithPlayers(7)).isPresent()));
      Duration allReceived = Duration.ofNanos(System.nanoTime() - published);
      assertThat(allReceived).isLessThan(Duration.ofSeconds(5));
      assertThat(server.dropped(DropReason.QUEUE_FULL)).isZero();
    } finally {
      clients.forEach(FeedClient::close);
      clientThreads.shutdownNow();
    }
  }
}
