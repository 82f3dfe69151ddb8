package io.enclavelottery.frontend.http;

import java.util.function.Supplier;

/**
 * The JSON body of one response, kept while what it was made from stays the same object: the view
 * replaces a part of its snapshot only when that part changes, so a popular response is serialised
 * once per change, not once per request.
 */
final class ResponseCache {

  private record Entry(Object source, byte[] body) {}

  private volatile Entry entry = new Entry(new Object(), new byte[0]);

  /**
   * The body made from {@code source}, made by {@code render} unless {@code source} is unchanged.
   */
  byte[] body(Object source, Supplier<byte[]> render) {
    Entry current = entry;
    if (current.source() == source) {
      return current.body();
    }
    byte[] body = render.get();
    entry = new Entry(source, body);
    return body;
  }
}
