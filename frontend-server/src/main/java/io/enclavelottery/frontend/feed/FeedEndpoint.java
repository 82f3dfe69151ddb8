package io.enclavelottery.frontend.feed;

import io.enclavelottery.frontend.http.ClientAddresses;
import io.enclavelottery.frontend.http.JsonResponses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.AttachmentKey;
import io.undertow.util.Headers;
import io.undertow.util.StatusCodes;
import io.undertow.websockets.WebSocketConnectionCallback;
import io.undertow.websockets.WebSocketProtocolHandshakeHandler;
import io.undertow.websockets.core.WebSocketChannel;
import io.undertow.websockets.core.WebSockets;
import io.undertow.websockets.spi.WebSocketHttpExchange;
import org.xnio.IoUtils;

/**
 * The feed's HTTP side: takes a connection slot for the client's address before the handshake is
 * answered, refusing one over the limits with a JSON error (429 for one address, 503 for the
 * server), then on connect hands the connection, which owns the slot until it closes, to the hub.
 */
final class FeedEndpoint implements HttpHandler, WebSocketConnectionCallback {

  private static final AttachmentKey<ConnectionSlots.Slot> SLOT =
      AttachmentKey.create(ConnectionSlots.Slot.class);
  private static final int TRY_AGAIN_LATER = 1013;

  private final FeedHub hub;
  private final FeedSettings settings;
  private final ConnectionSlots slots;
  private final ClientAddresses clients;
  private final FeedMetrics metrics;
  private final HttpHandler handshake;

  FeedEndpoint(
      FeedHub hub,
      FeedSettings settings,
      ConnectionSlots slots,
      ClientAddresses clients,
      FeedMetrics metrics) {
    this.hub = hub;
    this.settings = settings;
    this.slots = slots;
    this.clients = clients;
    this.metrics = metrics;
    this.handshake = new WebSocketProtocolHandshakeHandler(this, FeedEndpoint::upgradeRequired);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    if (!FeedHub.PATHS.contains(exchange.getRequestPath())) {
      JsonResponses.error(exchange, StatusCodes.NOT_FOUND, "not found");
      return;
    }
    ConnectionSlots.Slot slot = slots.take(clients.of(exchange));
    switch (slot.verdict()) {
      case ADDRESS_FULL -> {
        metrics.rejected(slot.verdict());
        JsonResponses.error(
            exchange,
            StatusCodes.TOO_MANY_REQUESTS,
            "too many feed connections from " + slot.address());
      }
      case SERVER_FULL -> {
        metrics.rejected(slot.verdict());
        JsonResponses.error(
            exchange, StatusCodes.SERVICE_UNAVAILABLE, "the feed is at its connection limit");
      }
      case ACCEPTED -> {
        exchange.putAttachment(SLOT, slot);
        // a refused handshake gives the slot back; an upgraded one leaves it to onConnect
        exchange.addExchangeCompleteListener(
            (done, next) -> {
              if (done.getStatusCode() != StatusCodes.SWITCHING_PROTOCOLS) {
                slot.release();
              }
              next.proceed();
            });
        handshake.handleRequest(exchange);
      }
    }
  }

  @Override
  public void onConnect(WebSocketHttpExchange exchange, WebSocketChannel channel) {
    ConnectionSlots.Slot slot = exchange.getAttachment(SLOT);
    if (!slot.claim()) {
      // the upgrade took longer than a slot is held for an unfinished handshake
      WebSockets.sendClose(TRY_AGAIN_LATER, "try again", channel, null);
      IoUtils.safeClose(channel);
      return;
    }
    FeedConnection connection = new FeedConnection(channel, settings, metrics);
    channel.addCloseTask(
        closed -> {
          slot.release();
          connection.closedUnderneath();
          hub.detach(connection);
        });
    channel
        .getReceiveSetter()
        .set(new InboundFrames(connection, settings.maxIncomingMessageBytes()));
    channel.resumeReceives();
    hub.attach(connection);
  }

  private static void upgradeRequired(HttpServerExchange exchange) {
    exchange.getResponseHeaders().put(Headers.UPGRADE, "websocket");
    JsonResponses.error(
        exchange,
        StatusCodes.UPGRADE_REQUIRED,
        "this is the live feed: connect with a WebSocket client");
  }
}
