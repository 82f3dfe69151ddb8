package io.enclavelottery.frontend.feed;

import java.util.Locale;

/** Why the feed closed a client; the tag of the {@code lottery.feed.clients.dropped} counter. */
enum DropReason {
  /** The client stopped reading: its outbound queue reached the message or byte limit. */
  QUEUE_FULL(-1),
  /** The client stopped reading: one message stayed unwritten longer than the send timeout. */
  SEND_TIMEOUT(-1),
  /** Nothing, not even a pong, was heard from the client within the idle timeout. */
  IDLE(1001),
  /** The client sent a message larger than allowed. */
  MESSAGE_TOO_BIG(1009),
  /** The connection failed while the feed was writing or reading. */
  IO_ERROR(-1),
  /** The server is shutting down. */
  SHUTDOWN(1001);

  private final int closeCode;

  DropReason(int closeCode) {
    this.closeCode = closeCode;
  }

  /** The close frame to send first, or -1 when the connection is cut at once. */
  int closeCode() {
    return closeCode;
  }

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
