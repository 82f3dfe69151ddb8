package io.enclavelottery.chain.follower;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;

/** Counts the JSON-RPC requests a follower makes, by method, through counting web3j services. */
final class RpcCounter {

  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final List<Integer> logQueryAddresses = new CopyOnWriteArrayList<>();

  void record(Request<?, ?> request) {
    calls.computeIfAbsent(request.getMethod(), method -> new AtomicInteger()).incrementAndGet();
    if (request.getMethod().equals("eth_getLogs")
        && request.getParams().get(0) instanceof EthFilter filter) {
      logQueryAddresses.add(filter.getAddress().size());
    }
  }

  int count(String method) {
    AtomicInteger count = calls.get(method);
    return count == null ? 0 : count.get();
  }

  /** How many addresses each eth_getLogs named, in order. */
  List<Integer> logQueryAddresses() {
    return List.copyOf(logQueryAddresses);
  }

  void reset() {
    calls.clear();
    logQueryAddresses.clear();
  }

  /** An HTTP service that counts every request it sends. */
  static final class Http extends HttpService {
    private final RpcCounter counter;

    Http(String url, RpcCounter counter) {
      super(url);
      this.counter = counter;
    }

    @Override
    @SuppressWarnings("rawtypes") // web3j declares send with raw types
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
      counter.record(request);
      return super.send(request, responseType);
    }
  }

  /** A WebSocket service that counts every request it sends (eth_subscribe goes through send). */
  static final class WebSocket extends WebSocketService {
    private final RpcCounter counter;

    WebSocket(String url, RpcCounter counter) {
      super(url, false);
      this.counter = counter;
    }

    @Override
    @SuppressWarnings("rawtypes") // web3j declares send with raw types
    public <T extends Response> T send(Request request, Class<T> responseType) throws IOException {
      counter.record(request);
      return super.send(request, responseType);
    }
  }
}
