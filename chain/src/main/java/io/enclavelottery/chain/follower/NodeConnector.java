package io.enclavelottery.chain.follower;

import io.enclavelottery.chain.RpcException;

/**
 * Opens connections to one chain's node; the follower opens a new one after every failure. See
 * {@link Web3jNodeConnector} for the real ones.
 */
@FunctionalInterface
public interface NodeConnector {

  /**
   * Opens a connection.
   *
   * @throws RpcException when the node cannot be reached
   */
  NodeConnection connect();
}
