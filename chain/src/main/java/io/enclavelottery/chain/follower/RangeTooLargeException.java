package io.enclavelottery.chain.follower;

import io.enclavelottery.chain.RpcException;

/**
 * The node refused a log query because its block range, or the number of results, is over the
 * node's limit; a smaller range may succeed.
 */
public final class RangeTooLargeException extends RpcException {

  public RangeTooLargeException(String message) {
    super(message);
  }
}
