package io.enclavelottery.chain.follower;

/** One contract followed by a {@link ChainFollower}; closing it stops the deliveries. */
public interface FollowHandle extends AutoCloseable {

  /** The followed contract's address, lower-case. */
  String address();

  /**
   * The last block whose logs this follow has received (after retractions: the fork block); -1
   * before the first delivery of a follow that starts at the head.
   */
  long deliveredThrough();

  /** How many times the consumer threw. */
  long consumerFailures();

  /** Stops the deliveries; no event starts after this returns. Does not wait for the follower. */
  @Override
  void close();
}
