package io.enclavelottery.frontend.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.frontend.http.AddressBlock;
import io.enclavelottery.frontend.http.ClientAddresses;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Connection limits per address and in all, trusted proxies, and oversized messages. */
class FeedLimitsIT {

  private final List<RawFeedSocket> sockets = new ArrayList<>();
  private FeedTestServer server;

  @AfterEach
  void stop() throws IOException {
    for (RawFeedSocket socket : sockets) {
      socket.close();
    }
    if (server != null) {
      server.close();
    }
  }

  @Test
  void anAddressGetsAtMostItsConnectionsAndASlotFreesWhenOneCloses() throws IOException {
    server = serverWith(3, 100, FeedTestServer.direct());
    for (int i = 0; i < 3; i++) {
      assertThat(open(Map.of()).status()).isEqualTo(101);
    }

    RawFeedSocket refused = open(Map.of());
    assertThat(refused.status()).isEqualTo(429);
    assertThat(
            server
                .registry()
                .get("lottery.feed.connections.rejected")
                .tag("reason", "address_full")
                .counter()
                .count())
        .isEqualTo(1);

    sockets.get(0).close();
    await().until(() -> server.hub().connections() == 2);
    assertThat(open(Map.of()).status()).isEqualTo(101);
  }

  @Test
  void aFloodFromOneAddressNeverTakesTheServerDown() throws IOException {
    server = serverWith(5, 100, FeedTestServer.direct());
    int upgraded = 0;
    for (int i = 0; i < 200; i++) {
      RawFeedSocket socket = open(Map.of());
      if (socket.status() == 101) {
        upgraded++;
      } else {
        assertThat(socket.status()).isEqualTo(429);
        socket.close();
      }
    }

    assertThat(upgraded).isEqualTo(5);
    assertThat(server.hub().connections()).isEqualTo(5);
    sockets.get(0).close();
    await().until(() -> server.hub().connections() == 4);
    try (FeedClient client = FeedClient.connect(server.feed())) {
      client.awaitType("history_update");
    }
  }

  @Test
  void theServerRefusesPastItsTotalWith503() throws IOException {
    server = serverWith(10, 2, FeedTestServer.direct());
    assertThat(open(Map.of()).status()).isEqualTo(101);
    assertThat(open(Map.of()).status()).isEqualTo(101);

    assertThat(open(Map.of()).status()).isEqualTo(503);
  }

  @Test
  void forwardedForCountsWhenTheRequestComesFromATrustedProxy() throws IOException {
    server = serverWith(2, 100, new ClientAddresses(List.of(AddressBlock.parse("127.0.0.0/8"))));
    Map<String, String> first = Map.of("X-Forwarded-For", "203.0.113.7");
    assertThat(open(first).status()).isEqualTo(101);
    assertThat(open(first).status()).isEqualTo(101);
    assertThat(open(first).status()).isEqualTo(429);

    assertThat(open(Map.of("X-Forwarded-For", "203.0.113.8")).status()).isEqualTo(101);
    assertThat(open(Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.9")).status())
        .isEqualTo(101);
  }

  @Test
  void forwardedForIsIgnoredFromAnUntrustedPeer() throws IOException {
    server = serverWith(2, 100, new ClientAddresses(List.of(AddressBlock.parse("10.0.0.1"))));
    assertThat(open(Map.of("X-Forwarded-For", "203.0.113.1")).status()).isEqualTo(101);
    assertThat(open(Map.of("X-Forwarded-For", "203.0.113.2")).status()).isEqualTo(101);

    assertThat(open(Map.of("X-Forwarded-For", "203.0.113.3")).status()).isEqualTo(429);
  }

  @Test
  void anOversizedMessageClosesTheClientWith1009AndTheServerCarriesOn() throws IOException {
    server =
        new FeedTestServer(
            FeedSettings.defaults().withMaxIncomingMessageBytes(1024), FeedTestServer.direct());
    try (FeedClient bystander = FeedClient.connect(server.feed())) {
      bystander.awaitType("history_update");
      RawFeedSocket hostile = open(Map.of());

      hostile.sendFrame(
          RawFeedSocket.Frame.TEXT, "x".repeat(64 * 1024).getBytes(StandardCharsets.UTF_8));

      RawFeedSocket.Frame close = hostile.readUntilClose();
      assertThat(close.closeCode()).isEqualTo(1009);
      hostile.sendFrame(RawFeedSocket.Frame.CLOSE, close.payload());
      await().until(() -> server.hub().connections() == 1);
      assertThat(server.dropped(DropReason.MESSAGE_TOO_BIG)).isEqualTo(1);
      assertThat(bystander.isClosed()).isFalse();
      try (FeedClient next = FeedClient.connect(server.feed())) {
        next.awaitType("history_update");
      }
    }
  }

  @Test
  void theJdkClientSeesTheCloseCodeForAnOversizedMessage() {
    server =
        new FeedTestServer(
            FeedSettings.defaults().withMaxIncomingMessageBytes(1024), FeedTestServer.direct());
    FeedClient client = FeedClient.connect(server.feed());
    client.awaitType("history_update");

    client.sendText("y".repeat(4096));

    assertThat(client.awaitClose(Duration.ofSeconds(10))).isEqualTo(1009);
  }

  @Test
  void smallMessagesFromAClientAreReadAndIgnored() throws IOException {
    server = FeedTestServer.withDefaults();
    try (FeedClient client = FeedClient.connect(server.feed())) {
      client.awaitType("history_update");

      client.sendText("{\"type\":\"ping\"}");
      client.sendBinary(new byte[] {1, 2, 3});

      try (FeedClient other = FeedClient.connect(server.feed())) {
        other.awaitType("history_update");
      }
      assertThat(client.isClosed()).isFalse();
      assertThat(server.hub().connections()).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void aPingIsAnsweredWithItsPayloadAndAPingFloodHarmsNoOne() throws IOException {
    server = FeedTestServer.withDefaults();
    RawFeedSocket client = open(Map.of());
    byte[] payload = "are you there".getBytes(StandardCharsets.UTF_8);

    client.sendFrame(RawFeedSocket.Frame.PING, payload);
    RawFeedSocket.Frame pong = client.readUntil(RawFeedSocket.Frame.PONG);
    assertThat(pong.payload()).isEqualTo(payload);

    for (int i = 0; i < 20_000; i++) {
      client.sendFrame(RawFeedSocket.Frame.PING, payload);
    }
    try (FeedClient bystander = FeedClient.connect(server.feed())) {
      bystander.awaitType("history_update");
    }
    await().until(() -> server.hub().connections() == 1);
  }

  private FeedTestServer serverWith(int perAddress, int total, ClientAddresses clients) {
    return new FeedTestServer(
        FeedSettings.defaults().withConnectionLimits(perAddress, total), clients);
  }

  private RawFeedSocket open(Map<String, String> headers) throws IOException {
    RawFeedSocket socket = RawFeedSocket.open(server.port(), "/ws", headers, 0);
    sockets.add(socket);
    return socket;
  }
}
