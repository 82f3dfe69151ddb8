package io.enclavelottery.frontend.feed;

import java.time.Duration;
import java.util.Objects;

/**
 * The limits and timings of the WebSocket feed.
 *
 * @param heartbeatInterval how often every client gets a {@code heartbeat} message and a ping
 * @param idleTimeout a client from which nothing (not even a pong) was heard for this long is
 *     closed
 * @param sendTimeout a client whose current message has not been written for this long is dropped
 * @param maxQueuedMessages messages waiting for one client beyond this and the client is dropped
 * @param maxQueuedBytes bytes waiting for one client beyond this and the client is dropped
 * @param maxIncomingMessageBytes a larger message from a client closes it with 1009 (clients need
 *     send nothing but pings)
 * @param maxConnectionsPerAddress open connections allowed from one client address
 * @param maxConnections open connections allowed in all
 */
public record FeedSettings(
    Duration heartbeatInterval,
    Duration idleTimeout,
    Duration sendTimeout,
    int maxQueuedMessages,
    long maxQueuedBytes,
    int maxIncomingMessageBytes,
    int maxConnectionsPerAddress,
    int maxConnections) {

  public FeedSettings {
    positive(heartbeatInterval, "heartbeatInterval");
    positive(idleTimeout, "idleTimeout");
    positive(sendTimeout, "sendTimeout");
    if (idleTimeout.compareTo(heartbeatInterval) <= 0) {
      throw new IllegalArgumentException(
          "idleTimeout ("
              + idleTimeout
              + ") must be longer than heartbeatInterval ("
              + heartbeatInterval
              + "), or live clients would be closed between two pings");
    }
    atLeastOne(maxQueuedMessages, "maxQueuedMessages");
    atLeastOne(maxQueuedBytes, "maxQueuedBytes");
    atLeastOne(maxIncomingMessageBytes, "maxIncomingMessageBytes");
    atLeastOne(maxConnectionsPerAddress, "maxConnectionsPerAddress");
    atLeastOne(maxConnections, "maxConnections");
  }

  /**
   * Heartbeat every 30 s, idle after 90 s, a send stuck for 10 s drops the client, 256 messages or
   * 4 MiB queued per client, 4 KiB per incoming message, 20 connections per address, 15,000 in all
   * (the open-file limit is 20,000 per process).
   */
  public static FeedSettings defaults() {
    return new FeedSettings(
        Duration.ofSeconds(30),
        Duration.ofSeconds(90),
        Duration.ofSeconds(10),
        256,
        4L << 20,
        4096,
        20,
        15_000);
  }

  public FeedSettings withHeartbeat(Duration interval, Duration idle) {
    return new FeedSettings(
        interval,
        idle,
        sendTimeout,
        maxQueuedMessages,
        maxQueuedBytes,
        maxIncomingMessageBytes,
        maxConnectionsPerAddress,
        maxConnections);
  }

  public FeedSettings withOutboundLimits(Duration send, int messages, long bytes) {
    return new FeedSettings(
        heartbeatInterval,
        idleTimeout,
        send,
        messages,
        bytes,
        maxIncomingMessageBytes,
        maxConnectionsPerAddress,
        maxConnections);
  }

  public FeedSettings withConnectionLimits(int perAddress, int total) {
    return new FeedSettings(
        heartbeatInterval,
        idleTimeout,
        sendTimeout,
        maxQueuedMessages,
        maxQueuedBytes,
        maxIncomingMessageBytes,
        perAddress,
        total);
  }

  public FeedSettings withMaxIncomingMessageBytes(int bytes) {
    return new FeedSettings(
        heartbeatInterval,
        idleTimeout,
        sendTimeout,
        maxQueuedMessages,
        maxQueuedBytes,
        bytes,
        maxConnectionsPerAddress,
        maxConnections);
  }

  private static void positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  private static void atLeastOne(long value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }
}
