package io.enclavelottery.chain.contract;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.http.HttpService;
import org.web3j.protocol.websocket.WebSocketService;

/**
 * Connects web3j to an RPC URL, {@code http(s)://} or {@code ws(s)://}, with timeouts and without
 * web3j's default HTTP logging, which prints the full URL (and any API key in it) at debug level.
 */
public final class Web3jConnector {

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

  private Web3jConnector() {}

  /**
   * A client for the URL; the caller shuts it down.
   *
   * @throws ChainUnavailableException when a WebSocket cannot be opened
   * @throws IllegalArgumentException for any other scheme
   */
  public static Web3j connect(String rpcUrl) {
    return Web3j.build(service(rpcUrl));
  }

  /** The underlying service, for callers that need it (subscriptions, batches). */
  public static Web3jService service(String rpcUrl) {
    String url = rpcUrl == null ? "" : rpcUrl.strip();
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      OkHttpClient client =
          new OkHttpClient.Builder()
              .connectTimeout(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .readTimeout(READ_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
              .build();
      return new HttpService(url, client);
    }
    if (lower.startsWith("ws://") || lower.startsWith("wss://")) {
      WebSocketService service = new WebSocketService(url, false);
      try {
        service.connect();
      } catch (ConnectException | RuntimeException e) {
        throw new ChainUnavailableException(
            "could not open a WebSocket to "
                + RedactedUrl.of(url)
                + ": "
                + RedactedUrl.scrub(e.getMessage(), url));
      }
      return service;
    }
    throw new IllegalArgumentException(
        "an RPC URL starts with http://, https://, ws:// or wss://, not " + RedactedUrl.of(url));
  }
}
