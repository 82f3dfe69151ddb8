package io.enclavelottery.cli;

import io.enclavelottery.chain.contract.RedactedUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A JSON-RPC endpoint given on the command line: an {@code http}, {@code https}, {@code ws} or
 * {@code wss} URL with a host.
 *
 * @param uri the URL
 */
record RpcUrl(URI uri) {

  private static final Set<String> SCHEMES = Set.of("http", "https", "ws", "wss");
  private static final String EXPECTED =
      "an RPC URL starts with http://, https://, ws:// or wss:// (like http://127.0.0.1:8545)";

  /**
   * Parses a URL.
   *
   * @throws IllegalArgumentException with the reason when it is not a usable RPC URL
   */
  static RpcUrl parse(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("not a URL: " + EXPECTED);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!SCHEMES.contains(scheme)) {
      throw new IllegalArgumentException(EXPECTED);
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("the RPC URL has no host");
    }
    return new RpcUrl(uri);
  }

  /** Whether it is a WebSocket endpoint. */
  boolean isWebSocket() {
    return uri.getScheme().toLowerCase(Locale.ROOT).startsWith("ws");
  }

  /**
   * The URL for messages: scheme, host and port only, since paths and queries of hosted RPC
   * endpoints often carry an API key.
   */
  String redacted() {
    return RedactedUrl.of(uri.toString());
  }

  @Override
  public String toString() {
    return redacted();
  }

  /** picocli's converter: a bad URL is a usage error with the reason. */
  static final class Converter implements ITypeConverter<RpcUrl> {
    @Override
    public RpcUrl convert(String text) {
      try {
        return parse(text);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(e.getMessage());
      }
    }
  }
}
