package io.enclavelottery.chain.contract;

import io.reactivex.Flowable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.BatchRequest;
import org.web3j.protocol.core.BatchResponse;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.websocket.events.Notification;

/**
 * A JSON-RPC node played from a script, for unit tests of code over web3j: answers by method, and
 * for {@code eth_call} by the function selector; records every request.
 */
public final class ScriptedNode implements Web3jService {

  /** An answer: a result value, a {@link Response.Error}, or an exception to throw. */
  @FunctionalInterface
  public interface Answer {
    Object answer(Request<?, ?> request) throws IOException;
  }

  private final Map<String, Answer> byMethod = new HashMap<>();
  private final Map<String, Answer> callsBySelector = new HashMap<>();
  private final List<Request<?, ?>> requests = new ArrayList<>();

  public ScriptedNode on(String method, Answer answer) {
    byMethod.put(method, answer);
    return this;
  }

  public ScriptedNode onCall(String selector, Answer answer) {
    callsBySelector.put(selector, answer);
    return this;
  }

  public ScriptedNode returning(String method, Object result) {
    return on(method, request -> result);
  }

  public ScriptedNode callReturning(String selector, String hex) {
    return onCall(selector, request -> hex);
  }

  public List<Request<?, ?>> requests() {
    return List.copyOf(requests);
  }

  public List<Request<?, ?>> requests(String method) {
    return requests.stream().filter(r -> r.getMethod().equals(method)).toList();
  }

  /** The block parameter ({@code latest} or hex) of an {@code eth_call}. */
  public static String blockOf(Request<?, ?> call) {
    return ((DefaultBlockParameter) call.getParams().get(1)).getValue();
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
    requests.add(request);
    Answer answer = byMethod.get(request.getMethod());
    if (request.getMethod().equals("eth_call")) {
      String data = ((Transaction) request.getParams().get(0)).getData();
      answer = callsBySelector.getOrDefault(data.substring(0, 10), answer);
    }
    if (answer == null) {
      throw new IOException("the script has no answer to " + request.getMethod());
    }
    Object result = answer.answer(request);
    try {
      T response = responseType.getDeclaredConstructor().newInstance();
      if (result instanceof Response.Error error) {
        response.setError(error);
      } else {
        response.setResult(result);
      }
      return response;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  @SuppressWarnings("rawtypes")
  public <T extends Response> CompletableFuture<T> sendAsync(Request request, Class<T> type) {
    try {
      return CompletableFuture.completedFuture(send(request, type));
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public BatchResponse sendBatch(BatchRequest batchRequest) {
    throw new UnsupportedOperationException("batches are not scripted");
  }

  @Override
  public CompletableFuture<BatchResponse> sendBatchAsync(BatchRequest batchRequest) {
    throw new UnsupportedOperationException("batches are not scripted");
  }

  @Override
  @SuppressWarnings("rawtypes")
  public <T extends Notification<?>> Flowable<T> subscribe(
      Request request, String unsubscribeMethod, Class<T> responseType) {
    throw new UnsupportedOperationException("subscriptions are not scripted");
  }

  @Override
  public void close() {}
}
