package io.enclavelottery.chain.devnet;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a test started — nodes, servers, clients, controllers — closed in reverse when the test
 * ends, so a thing goes before what it leans on and a failing close leaves nothing running. Meant
 * as {@code @AutoClose final Opened opened = new Opened();}.
 */
public final class Opened implements AutoCloseable {

  private final Deque<AutoCloseable> open = new ArrayDeque<>();

  /** {@code closeable}, to be closed before everything added earlier. */
  public <T extends AutoCloseable> T add(T closeable) {
    open.push(closeable);
    return closeable;
  }

  /**
   * Closes everything, latest first; the first failure is thrown with the later ones suppressed.
   */
  @Override
  public void close() throws Exception {
    Exception failure = null;
    while (!open.isEmpty()) {
      try {
        open.pop().close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}
