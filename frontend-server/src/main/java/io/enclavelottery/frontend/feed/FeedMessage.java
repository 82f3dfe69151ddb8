package io.enclavelottery.frontend.feed;

import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One message of the feed, serialised once and shared by every client it goes to.
 *
 * @param type what it is
 * @param sequence its place in the hub's order; a client whose snapshot already covers it skips it
 * @param originNanos {@link System#nanoTime()} when the change that made it reached the hub
 * @param json the UTF-8 JSON text, read-only; each send works on its own {@link #payload()}
 */
record FeedMessage(FeedMessageType type, long sequence, long originNanos, ByteBuffer json) {

  FeedMessage {
    Objects.requireNonNull(type, "type");
    json = json.asReadOnlyBuffer();
  }

  /** Copies the JSON into direct memory once, so that no client's write copies it again. */
  static FeedMessage of(FeedMessageType type, long sequence, long originNanos, byte[] json) {
    ByteBuffer direct = ByteBuffer.allocateDirect(json.length).put(json).flip();
    return new FeedMessage(type, sequence, originNanos, direct);
  }

  /** A view of the shared bytes with its own position, for one send. */
  ByteBuffer payload() {
    return json.duplicate();
  }

  int size() {
    return json.remaining();
  }
}
