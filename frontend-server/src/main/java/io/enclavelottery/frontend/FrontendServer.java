package io.enclavelottery.frontend;

import io.enclavelottery.frontend.http.AttestationSource;
import io.enclavelottery.frontend.http.HttpSettings;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xnio.Options;

/**
 * A {@link FrontendApp} served by its own Undertow listener ({@code ./lottery serve}, the frontend
 * pod). Closing it stops the listener and then the app.
 */
public final class FrontendServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(FrontendServer.class);

  /** How long an idle keep-alive connection stays open. */
  private static final int IDLE_TIMEOUT_MS = 60_000;

  /** How long a client may take to send its request head (slow-loris guard). */
  private static final int PARSE_TIMEOUT_MS = 10_000;

  private final FrontendApp app;
  private final Undertow undertow;

  private FrontendServer(FrontendApp app, Undertow undertow) {
    this.app = app;
    this.undertow = undertow;
  }

  /**
   * Listens on the app's configured host and port with the app's routes (mount anything extra on
   * {@link FrontendApp#routes()} before).
   */
  public static FrontendServer serve(FrontendApp app) {
    Objects.requireNonNull(app, "app");
    FrontendConfig config = app.config();
    Undertow undertow =
        listener(app.routes().handler(), config.host(), config.port(), config.http());
    undertow.start();
    FrontendServer server = new FrontendServer(app, undertow);
    LOG.info("frontend server listening on {}:{}", config.host(), server.port());
    return server;
  }

  /** An Undertow listener for {@code handler} with this server's protocol limits (not started). */
  static Undertow listener(HttpHandler handler, String host, int port, HttpSettings http) {
    return Undertow.builder()
        .addHttpListener(port, host)
        .setServerOption(UndertowOptions.MAX_HEADER_SIZE, http.maxHeaderBytes())
        .setServerOption(UndertowOptions.MAX_PARAMETERS, 100)
        .setServerOption(UndertowOptions.MAX_HEADERS, 100)
        .setServerOption(UndertowOptions.NO_REQUEST_TIMEOUT, IDLE_TIMEOUT_MS)
        .setServerOption(UndertowOptions.REQUEST_PARSE_TIMEOUT, PARSE_TIMEOUT_MS)
        .setSocketOption(Options.REUSE_ADDRESSES, true)
        .setHandler(handler)
        .build();
  }

  /** Starts the app and serves it. */
  public static FrontendServer start(FrontendConfig config) {
    return start(config, Optional.empty());
  }

  /** Starts the app, with the signer's attestation documents when there is a signer, and serves. */
  public static FrontendServer start(
      FrontendConfig config, Optional<AttestationSource> attestation) {
    FrontendApp app = FrontendApp.start(config, attestation);
    try {
      return serve(app);
    } catch (RuntimeException e) {
      app.close();
      throw e;
    }
  }

  /** The port actually listened on (the configured one, or the free one picked for 0). */
  public int port() {
    return port(undertow);
  }

  static int port(Undertow undertow) {
    return ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  public FrontendApp app() {
    return app;
  }

  @Override
  public void close() {
    try {
      undertow.stop();
    } finally {
      app.close();
    }
  }
}
