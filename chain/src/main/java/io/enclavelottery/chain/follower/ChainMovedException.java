package io.enclavelottery.chain.follower;

/**
 * The node's answers no longer fit together (a log from a block the window does not hold, a parent
 * the node no longer knows): the chain moved between two calls. The step is dropped before it
 * delivers anything and tried again.
 */
final class ChainMovedException extends RuntimeException {

  ChainMovedException(String message) {
    super(message, null, false, false);
  }
}
