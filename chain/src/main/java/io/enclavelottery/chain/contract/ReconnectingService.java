package io.enclavelottery.chain.contract;

import io.enclavelottery.chain.RpcException;
import io.reactivex.Flowable;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.websocket.events.Notification;

/**
 * A web3j service that connects on first use and again after a failed request, so that a node which
 * is down at start, or a WebSocket that drops, costs failed requests (which the keeper and the feed
 * report and retry) rather than a dead client. Connection failures surface as {@link IOException}s,
 * which the chain layer turns into {@code ChainUnavailableException}s.
 */
public final class ReconnectingService implements Web3jService {

  private final String rpcUrl;
  private Web3jService current;
  private boolean closed;

  /**
   * @param rpcUrl an {@code http(s)://} or {@code ws(s)://} URL
   */
  public ReconnectingService(String rpcUrl) {
    this.rpcUrl = Objects.requireNonNull(rpcUrl, "rpcUrl");
  }

  @Override
  public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
    Web3jService service = connected();
    try {
      return service.send(request, responseType);
    } catch (IOException | RuntimeException e) {
      drop(service);
      throw e;
    }
  }

  @Override
  public <T extends Response> CompletableFuture<T> sendAsync(
      Request request, Class<T> responseType) {
    try {
      return connected().sendAsync(request, responseType);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public BatchResponse sendBatch(BatchRequest batchRequest) throws IOException {
    Web3jService service = connected();
    try {
      return service.sendBatch(batchRequest);
    } catch (IOException | RuntimeException e) {
      drop(service);
      throw e;
    }
  }

  @Override
  public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batchRequest) {
    try {
      return connected().sendBatchAsync(batchRequest);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public <T extends Notification<?>> Flowable<T> subscribe(
      Request request, String unsubscribeMethod, Class<T> responseType) {
    try {
      return connected().subscribe(request, unsubscribeMethod, responseType);
    } catch (IOException e) {
      return Flowable.error(e);
    }
  }

  @Override
  public synchronized void close() throws IOException {
    closed = true;
    if (current != null) {
      current.close();
      current = null;
    }
  }

  private synchronized Web3jService connected() throws IOException {
    if (closed) {
      throw new IOException("the connection to the node is closed");
    }
    if (current == null) {
      try {
        current = Web3jConnector.service(rpcUrl);
      } catch (RpcException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
    return current;
  }

  private synchronized void drop(Web3jService failed) {
    if (current == failed) {
      current = null;
      try {
        failed.close();
      } catch (IOException | RuntimeException ignored) {
        // it failed already; closing is only tidying up
      }
    }
  }
}
