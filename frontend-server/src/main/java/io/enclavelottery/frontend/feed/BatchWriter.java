package io.enclavelottery.frontend.feed;

import io.undertow.util.ImmediatePooledByteBuffer;
import io.undertow.websockets.core.StreamSinkFrameChannel;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSocketFrameType;
import java.io.IOException;
import java.util.List;
import org.xnio.ChannelListeners;

/**
 * Writes several messages to one WebSocket channel as one gathering write: each becomes its own
 * text frame over the shared bytes, and the frames are flushed together, so that one view update
 * (an activity, the round, the players) costs a client one system call instead of three. Runs on
 * the channel's I/O thread.
 */
final class BatchWriter {

  /** Hears how a batch ended. */
  interface Outcome {
    void written(List<FeedMessage> batch);

    void failed(List<FeedMessage> batch, IOException error);
  }

  private BatchWriter() {}

  static void write(WebSocketChannel channel, List<FeedMessage> batch, Outcome outcome) {
    try {
      StreamSinkFrameChannel last = queue(channel, batch);
      channel.flush();
      if (last.flush()) {
        outcome.written(batch);
        return;
      }
      // the socket took only part: finish when the last frame is out (frames go out in order)
      last.getWriteSetter()
          .set(
              ChannelListeners.flushingChannelListener(
                  sink -> {
                    sink.getWriteSetter().set(null);
                    outcome.written(batch);
                  },
                  (sink, error) -> {
                    sink.getWriteSetter().set(null);
                    outcome.failed(batch, error);
                  }));
      last.resumeWrites();
    } catch (IOException e) {
      outcome.failed(batch, e);
    }
  }

  /** Queues a frame per message without writing any; answers the last frame's channel. */
  private static StreamSinkFrameChannel queue(WebSocketChannel channel, List<FeedMessage> batch)
      throws IOException {
    StreamSinkFrameChannel last = null;
    channel.setRequireExplicitFlush(true);
    try {
      for (FeedMessage message : batch) {
        last = channel.send(WebSocketFrameType.TEXT);
        if (!last.send(new ImmediatePooledByteBuffer(message.payload()))) {
          throw new IOException("a new WebSocket frame refused its payload");
        }
        last.shutdownWrites();
      }
    } finally {
      // only this batch waits for an explicit flush; Undertow's own frames (pongs, closes) do not
      channel.setRequireExplicitFlush(false);
    }
    return last;
  }
}
