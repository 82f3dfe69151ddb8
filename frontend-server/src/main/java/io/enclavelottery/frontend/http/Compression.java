package io.enclavelottery.frontend.http;

import io.undertow.predicate.Predicate;
import io.undertow.predicate.Predicates;
import io.undertow.server.HttpHandler;
import io.undertow.server.handlers.encoding.ContentEncodingRepository;
import io.undertow.server.handlers.encoding.EncodingHandler;
import io.undertow.server.handlers.encoding.GzipEncodingProvider;
import io.undertow.util.Headers;

/**
 * Gzip for responses worth it: text, JavaScript, JSON and SVG of more than 1 KiB, to clients that
 * accept it. Not for the WebSocket feed, which is mounted beside it.
 */
final class Compression {

  private static final long MIN_BYTES = 1024;

  private static final Predicate COMPRESSIBLE =
      exchange -> {
        String type = exchange.getResponseHeaders().getFirst(Headers.CONTENT_TYPE);
        return type != null
            && (type.startsWith("text/")
                || type.startsWith("application/json")
                || type.startsWith("application/javascript")
                || type.startsWith("application/manifest+json")
                || type.startsWith("image/svg+xml"));
      };

  private Compression() {}

  static HttpHandler gzip(HttpHandler next) {
    ContentEncodingRepository encodings =
        new ContentEncodingRepository()
            .addEncodingHandler(
                "gzip",
                new GzipEncodingProvider(),
                50,
                Predicates.and(Predicates.maxContentSize(MIN_BYTES), COMPRESSIBLE));
    return new EncodingHandler(next, encodings);
  }
}
