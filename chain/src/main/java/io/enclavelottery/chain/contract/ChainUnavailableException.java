package io.enclavelottery.chain.contract;

import io.enclavelottery.chain.RpcException;

/**
 * The node could not be asked: it is unreachable, timed out, or answered with an error that is not
 * the contract's. Worth retrying later. The message names the node by its {@link RedactedUrl} and
 * says what was being done; it never carries the full URL or a key.
 */
public class ChainUnavailableException extends RpcException {

  public ChainUnavailableException(String message) {
    super(message);
  }
}
