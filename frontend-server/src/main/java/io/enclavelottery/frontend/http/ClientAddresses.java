package io.enclavelottery.frontend.http;

import io.undertow.server.HttpServerExchange;
import io.undertow.util.HttpString;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Who a request comes from, for per-client limits: the connection's peer address, unless that peer
 * is a configured trusted proxy, in which case the nearest address in {@code X-Forwarded-For} that
 * is not itself a trusted proxy (the header's rightmost entries were added by our own proxies; the
 * leftmost can be forged by anyone). With no trusted proxies the header is ignored.
 */
public final class ClientAddresses {

  private static final HttpString X_FORWARDED_FOR = new HttpString("X-Forwarded-For");

  private final List<AddressBlock> trustedProxies;

  public ClientAddresses(List<AddressBlock> trustedProxies) {
    this.trustedProxies = List.copyOf(trustedProxies);
  }

  /** The client's address as text (the peer's when nothing better is known). */
  public String of(HttpServerExchange exchange) {
    InetSocketAddress peer = exchange.getSourceAddress();
    if (peer == null || peer.getAddress() == null) {
      return "unknown";
    }
    InetAddress address = peer.getAddress();
    if (trustedProxies.isEmpty() || !isTrusted(address)) {
      return address.getHostAddress();
    }
    return forwardedClient(exchange).orElse(address.getHostAddress());
  }

  private Optional<String> forwardedClient(HttpServerExchange exchange) {
    Deque<String> headers = exchange.getRequestHeaders().get(X_FORWARDED_FOR);
    if (headers == null) {
      return Optional.empty();
    }
    // all header lines, in order, as one list; walk from the right
    String[] hops = String.join(",", headers).split(",");
    for (int i = hops.length - 1; i >= 0; i--) {
      Optional<InetAddress> hop =
          AddressBlock.literal(hops[i].strip()).flatMap(ClientAddresses::ip);
      if (hop.isEmpty()) {
        // garbage in the chain: trust nothing to its left
        return Optional.empty();
      }
      if (!isTrusted(hop.get())) {
        return Optional.of(hop.get().getHostAddress());
      }
    }
    return Optional.empty();
  }

  private boolean isTrusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(block -> block.contains(address));
  }

  private static Optional<InetAddress> ip(byte[] bytes) {
    try {
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
