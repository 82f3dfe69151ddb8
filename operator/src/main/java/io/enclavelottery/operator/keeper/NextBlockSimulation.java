package io.enclavelottery.operator.keeper;

import io.reactivex.Flowable;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.websocket.events.Notification;
import org.web3j.utils.Numeric;

/**
 * Makes the transaction sender's simulations ({@code eth_call} at {@code pending} and {@code
 * eth_estimateGas}) run as the next block will: at {@code pending} state, with the block timestamp
 * overridden (the fourth parameter, {@code blockOverrides.time}, which Anvil and geth ≥ 1.15 take)
 * to the earliest time the next block can carry.
 *
 * <p>Why: a draw is sent one block before its window opens, so that it lands in the window's first
 * block. Simulated at the latest block, or at a pending block stamped with the node's wall clock,
 * it would revert with {@code DrawWindowNotOpen}, and the sender would never send it. Simulated at
 * the time of the block it will land in, it passes exactly when it will succeed, and every other
 * call (a commitment due by {@code endTime}) is checked against the same moment.
 *
 * <p>A node that refuses the extra parameters ({@code -32602 invalid params}) is asked the plain
 * way from then on, and a warning says that draws then land one block later. Every other request
 * passes through unchanged.
 */
public final class NextBlockSimulation implements Web3jService {

  private static final Logger LOG = LoggerFactory.getLogger(NextBlockSimulation.class);
  private static final int INVALID_PARAMS = -32602;

  private final Web3jService node;
  private final Supplier<Optional<Instant>> nextBlockTime;
  private volatile boolean overridesRefused;

  /**
   * @param node the service requests go to
   * @param nextBlockTime the earliest timestamp of the next block; empty to simulate plainly
   */
  public NextBlockSimulation(Web3jService node, Supplier<Optional<Instant>> nextBlockTime) {
    this.node = Objects.requireNonNull(node, "node");
    this.nextBlockTime = Objects.requireNonNull(nextBlockTime, "nextBlockTime");
  }

  @Override
  public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
    Optional<Request<?, T>> overridden = overridden(request, responseType);
    if (overridden.isEmpty()) {
      return node.send(request, responseType);
    }
    T response = node.send(overridden.get(), responseType);
    if (response.hasError() && response.getError().getCode() == INVALID_PARAMS) {
      overridesRefused = true;
      LOG.warn(
          "the node does not accept block overrides in {} ({}): simulations run at its pending"
              + " block, so draws are sent once their window is open and land one block later",
          request.getMethod(),
          response.getError().getMessage());
      return node.send(request, responseType);
    }
    return response;
  }

  @Override
  public <T extends Response> CompletableFuture<T> sendAsync(
      Request request, Class<T> responseType) {
    return node.sendAsync(request, responseType);
  }

  @Override
  public BatchResponse sendBatch(BatchRequest batchRequest) throws IOException {
    return node.sendBatch(batchRequest);
  }

  @Override
  public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batchRequest) {
    return node.sendBatchAsync(batchRequest);
  }

  @Override
  public <T extends Notification<?>> Flowable<T> subscribe(
      Request request, String unsubscribeMethod, Class<T> responseType) {
    return node.subscribe(request, unsubscribeMethod, responseType);
  }

  @Override
  public void close() throws IOException {
    node.close();
  }

  /** The request with block overrides, when it is a simulation at the pending block. */
  private <T extends Response> Optional<Request<?, T>> overridden(
      Request<?, ?> request, Class<T> responseType) {
    if (overridesRefused || !isPendingSimulation(request)) {
      return Optional.empty();
    }
    return nextBlockTime
        .get()
        .map(
            time -> {
              List<Object> params = new ArrayList<>(4);
              params.add(request.getParams().get(0));
              params.add(DefaultBlockParameterName.PENDING.getValue());
              params.add(Map.of());
              params.add(
                  Map.of(
                      "time", Numeric.encodeQuantity(BigInteger.valueOf(time.getEpochSecond()))));
              Request<Object, T> copy =
                  new Request<>(request.getMethod(), params, node, responseType);
              copy.setId(request.getId());
              return copy;
            });
  }

  private static boolean isPendingSimulation(Request<?, ?> request) {
    List<?> params = request.getParams();
    return switch (request.getMethod()) {
      case "eth_call" -> params.size() == 2 && isPending(params.get(1));
      case "eth_estimateGas" -> params.size() == 1;
      default -> false;
    };
  }

  private static boolean isPending(Object block) {
    return block == DefaultBlockParameterName.PENDING
        || DefaultBlockParameterName.PENDING.getValue().equals(block);
  }
}
