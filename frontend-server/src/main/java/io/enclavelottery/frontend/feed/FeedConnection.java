package io.enclavelottery.frontend.feed;

import io.undertow.websockets.core.WebSocketCallback;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.xnio.IoUtils;

/**
 * One client of the feed: its bounded outbound queue and the batch being written. Writes never
 * block: what is queued goes out, in one batch, when the previous batch is written, and a client
 * that stops reading is dropped when its queue fills or a write stays pending past the send
 * timeout, so it costs the others nothing. Confined to the connection's I/O thread.
 */
final class FeedConnection implements BatchWriter.Outcome {

  private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);
  private static final long CLOSE_GRACE_SECONDS = 5;

  /** The most messages written in one go. */
  private static final int MAX_BATCH = 32;

  private final WebSocketChannel channel;
  private final FeedSettings settings;
  private final FeedMetrics metrics;
  private final ArrayDeque<FeedMessage> queue = new ArrayDeque<>();
  private long queuedBytes;
  private List<FeedMessage> inFlight;
  private long sendStartedNanos;
  private long lastHeardNanos;
  private long coveredSequence;
  private boolean pumping;
  private boolean closed;

  /** The connection's place in its lane's list; kept by the lane. */
  int laneIndex = -1;

  FeedConnection(WebSocketChannel channel, FeedSettings settings, FeedMetrics metrics) {
    this.channel = channel;
    this.settings = settings;
    this.metrics = metrics;
    this.lastHeardNanos = System.nanoTime();
  }

  WebSocketChannel channel() {
    return channel;
  }

  /**
   * Sends the snapshot the client starts from; later messages up to {@code coveredSequence} are
   * already in it and are skipped.
   */
  void start(List<FeedMessage> snapshot, long coveredSequence) {
    this.coveredSequence = coveredSequence;
    for (FeedMessage message : snapshot) {
      queue.add(message);
      queuedBytes += message.size();
    }
    pump();
  }

  /** Queues messages for the client and sends them, or drops the client when its queue is full. */
  void offer(List<FeedMessage> messages) {
    for (FeedMessage message : messages) {
      if (closed) {
        return;
      }
      if (message.sequence() > coveredSequence) {
        enqueue(message);
      }
    }
    pump();
  }

  private void enqueue(FeedMessage message) {
    boolean full =
        queue.size() >= settings.maxQueuedMessages()
            || (queuedBytes > 0 && queuedBytes + message.size() > settings.maxQueuedBytes());
    if (full) {
      drop(DropReason.QUEUE_FULL);
      return;
    }
    queue.add(message);
    queuedBytes += message.size();
  }

  /** A heartbeat: the message, and a ping whose pong tells that the client is alive. */
  void heartbeat(FeedMessage message) {
    offer(List.of(message));
    if (!closed) {
      WebSockets.sendPing(EMPTY.duplicate(), channel, null);
    }
  }

  /** Something (a pong, a ping, any frame) arrived from the client. */
  void heard() {
    lastHeardNanos = System.nanoTime();
  }

  /** Drops the client when a write is stuck or it has been silent too long. */
  void checkTimeouts(long nowNanos) {
    if (closed) {
      return;
    }
    if (inFlight != null && nowNanos - sendStartedNanos > settings.sendTimeout().toNanos()) {
      drop(DropReason.SEND_TIMEOUT);
    } else if (nowNanos - lastHeardNanos > settings.idleTimeout().toNanos()) {
      drop(DropReason.IDLE);
    }
  }

  /**
   * Closes the connection for a reason: with a close frame when the reason has one and nothing is
   * stuck in the pipe, else at once.
   */
  void drop(DropReason reason) {
    if (closed) {
      return;
    }
    closed = true;
    metrics.dropped(reason);
    queue.clear();
    queuedBytes = 0;
    if (reason.closeCode() < 0 || inFlight != null || !channel.isOpen()) {
      IoUtils.safeClose(channel);
      return;
    }
    WebSockets.sendClose(reason.closeCode(), reason.tag(), channel, new CutIfCloseFails());
    try {
      // a peer that never answers the close frame is cut after a grace period
      channel
          .getIoThread()
          .executeAfter(() -> IoUtils.safeClose(channel), CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (RejectedExecutionException stopping) {
      IoUtils.safeClose(channel);
    }
  }

  boolean isClosed() {
    return closed;
  }

  /** The connection closed (by either side): nothing more is queued or sent. */
  void closedUnderneath() {
    closed = true;
    queue.clear();
    queuedBytes = 0;
  }

  private void pump() {
    if (pumping) {
      return; // a batch completed inside write(): the loop below carries on
    }
    pumping = true;
    try {
      while (inFlight == null && !closed && !queue.isEmpty()) {
        List<FeedMessage> batch = new ArrayList<>(Math.min(queue.size(), MAX_BATCH));
        while (batch.size() < MAX_BATCH && !queue.isEmpty()) {
          FeedMessage next = queue.poll();
          queuedBytes -= next.size();
          batch.add(next);
        }
        inFlight = batch;
        sendStartedNanos = System.nanoTime();
        BatchWriter.write(channel, batch, this);
      }
    } finally {
      pumping = false;
    }
  }

  @Override
  public void written(List<FeedMessage> batch) {
    inFlight = null;
    for (FeedMessage message : batch) {
      metrics.sent(message.type());
    }
    pump();
  }

  @Override
  public void failed(List<FeedMessage> batch, IOException error) {
    inFlight = null;
    if (!closed) {
      closed = true;
      metrics.dropped(DropReason.IO_ERROR);
    }
    queue.clear();
    queuedBytes = 0;
    IoUtils.safeClose(channel);
  }

  /** Cuts the connection when its close frame cannot be written. */
  private final class CutIfCloseFails implements WebSocketCallback<Void> {
    @Override
    public void complete(WebSocketChannel ignored, Void context) {
      // the peer's close frame normally follows and Undertow ends the connection; the grace
      // timer cuts it otherwise
    }

    @Override
    public void onError(WebSocketChannel ignored, Void context, Throwable error) {
      IoUtils.safeClose(channel);
    }
  }
}
