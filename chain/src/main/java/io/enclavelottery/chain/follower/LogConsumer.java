package io.enclavelottery.chain.follower;

/**
 * Receives one followed contract's {@link FollowerEvent}s. Called on the follower's thread, one
 * contract at a time, so it must return quickly (hand heavy work to another thread). An exception
 * is logged and counted; the event counts as delivered and the follower carries on.
 */
@FunctionalInterface
public interface LogConsumer {

  void accept(FollowerEvent event);
}
