package io.enclavelottery.frontend.feed;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts feed connections, in all and per client address, against their limits. A handshake takes
 * its {@link Slot} before it is answered, so that concurrent handshakes cannot overshoot; the
 * connection then claims it, or it is given back (a refused upgrade, a client gone before the
 * upgrade completed).
 */
final class ConnectionSlots {

  /** Whether a connection may open. */
  enum Verdict {
    ACCEPTED,
    ADDRESS_FULL,
    SERVER_FULL
  }

  private static final int PENDING = 0;
  private static final int CLAIMED = 1;
  private static final int RELEASED = 2;

  private final int maxPerAddress;
  private final int maxTotal;
  private final AtomicInteger open = new AtomicInteger();
  private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();
  private final Set<Slot> unclaimed = ConcurrentHashMap.newKeySet();

  ConnectionSlots(int maxPerAddress, int maxTotal) {
    this.maxPerAddress = maxPerAddress;
    this.maxTotal = maxTotal;
  }

  /** A place for one connection from one address; holds nothing unless {@link #verdict} accepts. */
  final class Slot {
    private final String address;
    private final Verdict verdict;
    private final long takenNanos = System.nanoTime();
    private final AtomicInteger state;

    private Slot(String address, Verdict verdict) {
      this.address = address;
      this.verdict = verdict;
      this.state = new AtomicInteger(verdict == Verdict.ACCEPTED ? PENDING : RELEASED);
    }

    Verdict verdict() {
      return verdict;
    }

    String address() {
      return address;
    }

    /** The connection takes the slot for its lifetime; false when it was given back already. */
    boolean claim() {
      unclaimed.remove(this);
      return state.compareAndSet(PENDING, CLAIMED);
    }

    /** Gives the slot back (once; later calls do nothing). */
    void release() {
      unclaimed.remove(this);
      int before = state.getAndSet(RELEASED);
      if (before != RELEASED) {
        perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
        open.decrementAndGet();
      }
    }

    /** Releases the slot when the handshake did not become a connection. */
    void releaseUnlessClaimed() {
      if (state.get() == PENDING) {
        release();
      }
    }
  }

  /** Takes a slot for a connection from the address, if one is free. */
  Slot take(String address) {
    if (open.incrementAndGet() > maxTotal) {
      open.decrementAndGet();
      return new Slot(address, Verdict.SERVER_FULL);
    }
    boolean[] taken = {false};
    perAddress.compute(
        address,
        (key, count) -> {
          int current = count == null ? 0 : count;
          if (current >= maxPerAddress) {
            return count;
          }
          taken[0] = true;
          return current + 1;
        });
    if (!taken[0]) {
      open.decrementAndGet();
      return new Slot(address, Verdict.ADDRESS_FULL);
    }
    Slot slot = new Slot(address, Verdict.ACCEPTED);
    unclaimed.add(slot);
    return slot;
  }

  /** Gives back slots whose handshake never became a connection within {@code maxWait}. */
  void releaseStale(long nowNanos, Duration maxWait) {
    for (Slot slot : unclaimed) {
      if (nowNanos - slot.takenNanos > maxWait.toNanos()) {
        slot.releaseUnlessClaimed();
      }
    }
  }

  /** Connections open or being opened, in all. */
  int open() {
    return open.get();
  }
}
