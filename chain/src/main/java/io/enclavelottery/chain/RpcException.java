package io.enclavelottery.chain;

/**
 * A call to the node failed: it could not be reached, or it answered with an error. Messages name
 * the RPC method and the node's words, never the node's URL (it may carry an API key).
 */
public class RpcException extends RuntimeException {

  public RpcException(String message) {
    super(message);
  }

  public RpcException(String message, Throwable cause) {
    super(message, cause);
  }
}
