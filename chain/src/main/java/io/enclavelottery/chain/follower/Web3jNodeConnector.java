package io.enclavelottery.chain.follower;

import io.enclavelottery.chain.RpcException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;

/**
 * {@link NodeConnector}s over web3j: {@code eth_subscribe newHeads} on a WebSocket for {@code
 * ws://} and {@code wss://} URLs, polling over HTTP for {@code http://} and {@code https://}.
 */
public final class Web3jNodeConnector {

  /**
   * web3j's own polling executor, which the follower never uses: one shared daemon thread, because
   * {@code Web3j.build(service)} would create a thread pool and a shutdown hook per connection.
   */
  private static final ScheduledExecutorService UNUSED_WEB3J_POLLER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "web3j-poller");
            thread.setDaemon(true);
            return thread;
          });

  private static final long WEB3J_POLL_MILLIS = 15_000;

  private Web3jNodeConnector() {}

  /** The connector for the node at {@code rpcUrl}, chosen by its scheme. */
  public static NodeConnector forUrl(String rpcUrl, FollowerConfig config) {
    String scheme = String.valueOf(URI.create(rpcUrl).getScheme()).toLowerCase(Locale.ROOT);
    return switch (scheme) {
      case "ws", "wss" ->
          webSocket(() -> new WebSocketService(rpcUrl, false), config.subscriptionSafetyPoll());
      case "http", "https" -> {
        OkHttpClient client =
            HttpService.getOkHttpClientBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .readTimeout(Duration.ofSeconds(30))
                .build();
        yield http(() -> new HttpService(rpcUrl, client), config.pollInterval());
      }
      default ->
          throw new IllegalArgumentException(
              "the RPC URL must start with http://, https://, ws:// or wss://, not " + scheme);
    };
  }

  /** Polls the head every {@code pollInterval} over a service from {@code services}. */
  public static NodeConnector http(
      Supplier<? extends Web3jService> services, Duration pollInterval) {
    Objects.requireNonNull(services, "services");
    PollingHeadSource heads = new PollingHeadSource(pollInterval);
    return () -> {
      Web3jService service = services.get();
      return new NodeConnection(new Web3jChainRpc(build(service), service), heads);
    };
  }

  /**
   * Subscribes to newHeads over a fresh WebSocket service from {@code services} per connection
   * (web3j cannot reopen a closed one).
   */
  public static NodeConnector webSocket(
      Supplier<? extends WebSocketService> services, Duration safetyPoll) {
    Objects.requireNonNull(services, "services");
    return () -> {
      WebSocketService service = services.get();
      try {
        service.connect();
      } catch (ConnectException e) {
        service.close();
        throw new RpcException("could not open the WebSocket: " + e.getMessage(), e);
      } catch (RuntimeException e) {
        service.close();
        throw new RpcException("could not open the WebSocket: " + e, e);
      }
      Web3j web3j = build(service);
      return new NodeConnection(
          new Web3jChainRpc(web3j, service), new SubscriptionHeadSource(web3j, safetyPoll));
    };
  }

  private static Web3j build(Web3jService service) {
    return Web3j.build(service, WEB3J_POLL_MILLIS, UNUSED_WEB3J_POLLER);
  }
}
