package io.enclavelottery.frontend.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The feed's meters: {@code lottery.feed.connections} (gauge), {@code lottery.feed.messages.sent}
 * (by {@code type}), {@code lottery.feed.clients.dropped} (by {@code reason}), {@code
 * lottery.feed.connections.rejected} (by {@code reason}) and {@code lottery.feed.broadcast} (from a
 * view change reaching the hub to its message queued for the last client).
 */
final class FeedMetrics {

  private final Map<FeedMessageType, Counter> sent = new EnumMap<>(FeedMessageType.class);
  private final Map<DropReason, Counter> dropped = new EnumMap<>(DropReason.class);
  private final Map<ConnectionSlots.Verdict, Counter> rejected =
      new EnumMap<>(ConnectionSlots.Verdict.class);
  private final Timer broadcast;

  FeedMetrics(MeterRegistry registry, ConnectionSlots slots) {
    Gauge.builder("lottery.feed.connections", slots, ConnectionSlots::open)
        .description("Open WebSocket feed connections")
        .register(registry);
    for (FeedMessageType type : FeedMessageType.values()) {
      sent.put(
          type,
          Counter.builder("lottery.feed.messages.sent")
              .description("Messages written to feed clients")
              .tag("type", type.wireName())
              .register(registry));
    }
    for (DropReason reason : DropReason.values()) {
      dropped.put(
          reason,
          Counter.builder("lottery.feed.clients.dropped")
              .description("Feed clients the server closed")
              .tag("reason", reason.tag())
              .register(registry));
    }
    rejected.put(ConnectionSlots.Verdict.ADDRESS_FULL, rejectedCounter(registry, "address_full"));
    rejected.put(ConnectionSlots.Verdict.SERVER_FULL, rejectedCounter(registry, "server_full"));
    broadcast =
        Timer.builder("lottery.feed.broadcast")
            .description(
                "From a view change reaching the feed to its message queued for every client")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  private static Counter rejectedCounter(MeterRegistry registry, String reason) {
    return Counter.builder("lottery.feed.connections.rejected")
        .description("Feed connections refused by the connection limits")
        .tag("reason", reason)
        .register(registry);
  }

  void sent(FeedMessageType type) {
    sent.get(type).increment();
  }

  void dropped(DropReason reason) {
    dropped.get(reason).increment();
  }

  void rejected(ConnectionSlots.Verdict verdict) {
    rejected.get(verdict).increment();
  }

  void broadcast(long originNanos) {
    broadcast.record(Duration.ofNanos(System.nanoTime() - originNanos));
  }
}
