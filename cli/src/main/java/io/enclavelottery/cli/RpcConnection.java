package io.enclavelottery.cli;

import io.enclavelottery.chain.contract.ChainUnavailableException;
import io.enclavelottery.chain.contract.RedactedUrl;
import io.enclavelottery.chain.contract.Web3jConnector;
import java.io.IOException;
import java.math.BigInteger;
import java.net.ConnectException;
import org.web3j.protocol.Web3j;

/**
 * An open JSON-RPC connection whose node answered: the command's door to the chain. Opening it asks
 * the node for its chain id, so an unreachable or wrong URL fails here, with one line.
 */
final class RpcConnection implements AutoCloseable {

  private final Web3j web3j;
  private final long chainId;
  private final RpcUrl url;

  private RpcConnection(Web3j web3j, long chainId, RpcUrl url) {
    this.web3j = web3j;
    this.chainId = chainId;
    this.url = url;
  }

  /**
   * Connects and reads the chain id.
   *
   * @throws CommandFailure with {@link ExitCodes#UNUSABLE_INPUT} when the node does not answer
   */
  static RpcConnection open(RpcUrl url) {
    Web3j web3j;
    try {
      web3j = Web3jConnector.connect(url.uri().toString());
    } catch (ChainUnavailableException e) {
      throw new CommandFailure(ExitCodes.UNUSABLE_INPUT, e.getMessage(), e);
    }
    try {
      BigInteger chainId = web3j.ethChainId().send().getChainId();
      if (chainId == null) {
        throw CommandFailure.unusableInput(url.redacted() + " is not an Ethereum JSON-RPC node");
      }
      return new RpcConnection(web3j, chainId.longValueExact(), url);
    } catch (IOException | RuntimeException e) {
      web3j.shutdown();
      throw e instanceof CommandFailure failure ? failure : unreachable(url, e);
    }
  }

  Web3j web3j() {
    return web3j;
  }

  long chainId() {
    return chainId;
  }

  RpcUrl url() {
    return url;
  }

  @Override
  public void close() {
    web3j.shutdown();
  }

  private static CommandFailure unreachable(RpcUrl url, Exception e) {
    String reason =
        rootCause(e) instanceof ConnectException
            ? "connection refused"
            : RedactedUrl.scrub(OneLineErrorHandler.describe(e), url.uri().toString());
    return new CommandFailure(
        ExitCodes.UNUSABLE_INPUT, "cannot reach the RPC at " + url.redacted() + ": " + reason, e);
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }
}
