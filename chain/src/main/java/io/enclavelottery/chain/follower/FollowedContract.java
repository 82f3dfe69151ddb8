package io.enclavelottery.chain.follower;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One follow: its request, its consumer and how far it has been delivered. The position is changed
 * on the follower's thread only; the handle methods may be called from any thread.
 */
final class FollowedContract implements FollowHandle {

  private static final Logger LOG = LoggerFactory.getLogger(FollowedContract.class);

  private final long id;
  private final FollowRequest request;
  private final LogConsumer consumer;
  private final Consumer<FollowedContract> onClose;
  private final AtomicLong consumerFailures = new AtomicLong();
  private volatile long nextBlock;
  private volatile boolean closed;

  FollowedContract(
      long id, FollowRequest request, LogConsumer consumer, Consumer<FollowedContract> onClose) {
    this.id = id;
    this.request = request;
    this.consumer = consumer;
    this.onClose = onClose;
    this.nextBlock = request.fromBlock();
  }

  long id() {
    return id;
  }

  @Override
  public String address() {
    return request.address();
  }

  Set<String> topics() {
    return request.eventTopics();
  }

  /** The next block to deliver; {@link FollowRequest#FROM_HEAD} until the start is resolved. */
  long nextBlock() {
    return nextBlock;
  }

  boolean isStartResolved() {
    return nextBlock != FollowRequest.FROM_HEAD;
  }

  void moveTo(long block) {
    nextBlock = block;
  }

  boolean isOpen() {
    return !closed;
  }

  boolean wants(ChainLog log) {
    return log.address().equals(request.address())
        && (request.eventTopics().isEmpty()
            || log.topic0().filter(request.eventTopics()::contains).isPresent());
  }

  /** Hands {@code event} to the consumer; a throwing consumer is logged and counted, no more. */
  void deliver(FollowerEvent event) {
    if (closed) {
      return;
    }
    try {
      consumer.accept(event);
    } catch (RuntimeException e) {
      consumerFailures.incrementAndGet();
      LOG.warn(
          "the consumer of {} failed on {}; the follower carries on",
          request.address(),
          event.getClass().getSimpleName(),
          e);
    }
  }

  @Override
  public long deliveredThrough() {
    long next = nextBlock;
    return next == FollowRequest.FROM_HEAD ? -1 : next - 1;
  }

  @Override
  public long consumerFailures() {
    return consumerFailures.get();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      onClose.accept(this);
    }
  }

  @Override
  public String toString() {
    return "follow #" + id + " of " + request.address();
  }
}
