package io.enclavelottery.frontend.feed;

import io.enclavelottery.frontend.http.ClientAddresses;
import io.enclavelottery.frontend.view.LotteryView;
import io.enclavelottery.frontend.view.ViewChange;
import io.enclavelottery.frontend.view.ViewSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.undertow.Handlers;
import io.undertow.Undertow;
import io.undertow.server.handlers.PathHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;

/**
 * A real Undertow server on a free loopback port with a {@link FeedHub} at {@code /ws} and {@code
 * /ws/lottery}, over a {@link LotteryView} the test drives with {@link #publish}.
 */
final class FeedTestServer implements AutoCloseable {

  private final LotteryView view;
  private final MeterRegistry registry = new SimpleMeterRegistry();
  private final FeedHub hub;
  private final Undertow undertow;
  private final int port;

  FeedTestServer(FeedSettings settings, ClientAddresses clients) {
    this(settings, clients, startedView(ViewScenes.initial()));
  }

  FeedTestServer(FeedSettings settings, ClientAddresses clients, LotteryView view) {
    this.view = view;
    this.hub = FeedHub.start(view, settings, clients, registry);
    // mounted as the frontend's routes mount it: one prefix
    PathHandler paths = Handlers.path().addPrefixPath(FeedHub.MOUNT_PREFIX, hub.handler());
    this.undertow = Undertow.builder().addHttpListener(0, "127.0.0.1").setHandler(paths).build();
    undertow.start();
    this.port = ((InetSocketAddress) undertow.getListenerInfo().get(0).getAddress()).getPort();
  }

  static FeedTestServer withDefaults() {
    return new FeedTestServer(FeedSettings.defaults(), FeedTestServer.direct());
  }

  /** Trusts no proxy: each connection's peer address is its client's. */
  static ClientAddresses direct() {
    return new ClientAddresses(List.of());
  }

  static LotteryView startedView(ViewSnapshot initial) {
    LotteryView view = new LotteryView(ViewScenes.CHAIN_ID, ViewScenes.CONTRACT);
    view.publish(initial, List.of());
    return view;
  }

  URI uri(String path) {
    return URI.create("ws://127.0.0.1:" + port + path);
  }

  URI feed() {
    return uri("/ws");
  }

  int port() {
    return port;
  }

  LotteryView view() {
    return view;
  }

  FeedHub hub() {
    return hub;
  }

  MeterRegistry registry() {
    return registry;
  }

  double dropped(DropReason reason) {
    return registry
        .get("lottery.feed.clients.dropped")
        .tag("reason", reason.tag())
        .counter()
        .count();
  }

  /** Publishes a new view state and its changes, as the view's updater does. */
  void publish(ViewSnapshot next, ViewChange... changes) {
    view.publish(next, List.of(changes));
  }

  @Override
  public void close() {
    try {
      hub.close();
    } finally {
      undertow.stop();
    }
  }
}
