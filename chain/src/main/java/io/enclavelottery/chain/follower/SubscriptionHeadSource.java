package io.enclavelottery.chain.follower;

import io.enclavelottery.chain.RpcException;
import io.reactivex.disposables.Disposable;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

/**
 * Announcements from the node's {@code eth_subscribe newHeads} over a WebSocket. The subscription
 * fails when the socket closes, which reports the connection lost; {@code safetyPoll} still has the
 * follower look by itself now and then, for a notification that never came.
 */
public final class SubscriptionHeadSource implements HeadSource {

  private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHeadSource.class);

  private final Web3j web3j;
  private final Duration safetyPoll;
  private volatile Disposable subscription;

  /** {@code web3j} must run over a WebSocket service that is already connected. */
  public SubscriptionHeadSource(Web3j web3j, Duration safetyPoll) {
    this.web3j = Objects.requireNonNull(web3j, "web3j");
    this.safetyPoll = Objects.requireNonNull(safetyPoll, "safetyPoll");
  }

  @Override
  public void start(Runnable newHead, Consumer<Throwable> lost) {
    subscription =
        web3j
            .newHeadsNotifications()
            .subscribe(
                notification -> newHead.run(),
                lost::accept,
                () -> lost.accept(new RpcException("the node ended the newHeads subscription")));
  }

  @Override
  public Duration pollInterval() {
    return safetyPoll;
  }

  @Override
  public void close() {
    Disposable current = subscription;
    if (current != null) {
      try {
        current.dispose();
      } catch (RuntimeException e) {
        // unsubscribing over a socket that is already gone
        LOG.debug("could not end the newHeads subscription cleanly", e);
      }
    }
  }
}
