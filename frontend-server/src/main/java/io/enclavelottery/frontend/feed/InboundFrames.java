package io.enclavelottery.frontend.feed;

import io.undertow.connector.PooledByteBuffer;
import io.undertow.websockets.core.AbstractReceiveListener;
import io.undertow.websockets.core.BufferedBinaryMessage;
import io.undertow.websockets.core.StreamSourceFrameChannel;
import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.xnio.ChannelListener;
import org.xnio.IoUtils;
import org.xnio.Pooled;

/**
 * Reads what a feed client sends. Clients need send nothing but pings and pongs; any frame counts
 * as a sign of life, data messages are read and thrown away, and a message larger than allowed
 * drops the client with close code 1009. Data is never buffered, so a hostile client costs one
 * pooled buffer per read at most.
 */
final class InboundFrames extends AbstractReceiveListener {

  /** The RFC 6455 limit for a control frame's payload. */
  private static final int CONTROL_FRAME_LIMIT = 125;

  private final FeedConnection connection;
  private final int maxMessageBytes;
  private boolean pongPending;

  InboundFrames(FeedConnection connection, int maxMessageBytes) {
    this.connection = connection;
    this.maxMessageBytes = maxMessageBytes;
  }

  @Override
  public void handleEvent(WebSocketChannel channel) {
    connection.heard();
    super.handleEvent(channel);
  }

  @Override
  protected void onText(WebSocketChannel channel, StreamSourceFrameChannel message) {
    new Discard(channel).handleEvent(message);
  }

  @Override
  protected void onBinary(WebSocketChannel channel, StreamSourceFrameChannel message) {
    new Discard(channel).handleEvent(message);
  }

  @Override
  protected void onFullPongMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
    message.getData().free();
  }

  /**
   * Answers a ping with a pong, but keeps at most one pong unwritten (RFC 6455 allows answering
   * only the latest ping): a client that floods pings and reads nothing cannot make pongs pile up.
   */
  @Override
  protected void onFullPingMessage(WebSocketChannel channel, BufferedBinaryMessage message) {
    Pooled<ByteBuffer[]> data = message.getData();
    if (pongPending) {
      data.free();
      return;
    }
    pongPending = true;
    WebSockets.sendPong(
        data.getResource(),
        channel,
        new WebSocketCallback<Void>() {
          @Override
          public void complete(WebSocketChannel ignored, Void context) {
            pongPending = false;
            data.free();
          }

          @Override
          public void onError(WebSocketChannel ignored, Void context, Throwable error) {
            data.free();
          }
        });
  }

  @Override
  protected void onFullCloseMessage(WebSocketChannel channel, BufferedBinaryMessage message)
      throws IOException {
    boolean weClosedFirst = channel.isCloseFrameSent();
    super.onFullCloseMessage(channel, message);
    if (weClosedFirst) {
      IoUtils.safeClose(channel); // the close handshake is complete
    }
  }

  @Override
  protected void onError(WebSocketChannel channel, Throwable error) {
    connection.drop(DropReason.IO_ERROR);
  }

  @Override
  protected long getMaxPingBufferSize() {
    return CONTROL_FRAME_LIMIT;
  }

  @Override
  protected long getMaxPongBufferSize() {
    return CONTROL_FRAME_LIMIT;
  }

  @Override
  protected long getMaxCloseBufferSize() {
    return CONTROL_FRAME_LIMIT;
  }

  /**
   * Reads one data message to its end and forgets it, counting its bytes. Past the limit the client
   * is dropped with 1009; the rest of the message is still read (and forgotten) so that the
   * client's answering close frame can arrive and the connection end cleanly.
   */
  private final class Discard implements ChannelListener<StreamSourceFrameChannel> {

    private final WebSocketChannel channel;
    private long received;

    Discard(WebSocketChannel channel) {
      this.channel = channel;
    }

    @Override
    public void handleEvent(StreamSourceFrameChannel message) {
      try (PooledByteBuffer pooled = channel.getBufferPool().allocate()) {
        ByteBuffer buffer = pooled.getBuffer();
        for (; ; ) {
          buffer.clear();
          int read = message.read(buffer);
          if (read == -1) {
            message.getReadSetter().set(null);
            return;
          }
          if (read == 0) {
            message.getReadSetter().set(this);
            message.resumeReads();
            return;
          }
          connection.heard();
          received += read;
          if (received > maxMessageBytes) {
            connection.drop(DropReason.MESSAGE_TOO_BIG);
          }
        }
      } catch (IOException e) {
        connection.drop(DropReason.IO_ERROR);
      }
    }
  }
}
