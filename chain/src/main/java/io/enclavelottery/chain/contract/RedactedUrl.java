package io.enclavelottery.chain.contract;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * An RPC URL reduced to what may be shown: scheme, host and port. Providers put API keys in the
 * path, the query or the user info ({@code https://mainnet.infura.io/v3/KEY}), so none of those
 * ever reach a message.
 */
public final class RedactedUrl {

  private RedactedUrl() {}

  /** {@code scheme://host[:port]}, with {@code /…} when something was cut off. */
  public static String of(String url) {
    if (url == null || url.isBlank()) {
      return "(no URL)";
    }
    try {
      URI uri = new URI(url.strip());
      if (uri.getScheme() == null || uri.getHost() == null) {
        return "(unparseable URL)";
      }
      String shown = uri.getScheme() + "://" + uri.getHost();
      if (uri.getPort() >= 0) {
        shown += ":" + uri.getPort();
      }
      boolean cut =
          uri.getUserInfo() != null
              || uri.getQuery() != null
              || uri.getFragment() != null
              || (uri.getPath() != null && uri.getPath().length() > 1);
      return cut ? shown + "/…" : shown;
    } catch (URISyntaxException e) {
      return "(unparseable URL)";
    }
  }

  /**
   * Removes the URL and its secret-bearing parts from a message written by someone else (a client
   * library's exception text), replacing them with the redacted form.
   */
  public static String scrub(String message, String url) {
    if (message == null) {
      return "";
    }
    if (url == null || url.isBlank()) {
      return message;
    }
    String scrubbed = message.replace(url.strip(), of(url));
    try {
      URI uri = new URI(url.strip());
      for (String part : new String[] {uri.getRawUserInfo(), uri.getRawQuery(), uri.getRawPath()}) {
        if (part != null && part.length() > 1) {
          scrubbed = scrubbed.replace(part, "…");
        }
      }
    } catch (URISyntaxException ignored) {
      // the whole URL was already replaced
    }
    return scrubbed;
  }
}
