package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.follower.BlockHeader;
import io.enclavelottery.chain.follower.HeadListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The chain's time as the keeper knows it: the latest block it has seen (from the follower's heads
 * and its own reads), how far apart blocks are, and from those the chain's "now" between blocks and
 * the earliest time the next block can carry. Thread-safe.
 *
 * <p>The block interval decides how early a draw is sent, and a draw sent too early reverts and
 * costs gas; so the interval is trusted only when the chain shows a steady cadence: at least
 * {@value #MIN_SAMPLES} recent spacings (per block), most of them equal to the smallest. Otherwise
 * — too few blocks seen, a chain that mines on demand, a stall — it is one second, the least any
 * two blocks are apart, and a draw may land a block late but never early.
 */
public final class ChainClock implements HeadListener {

  /** The interval assumed before two blocks have been seen, and the floor of every estimate. */
  public static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  /** Spacings needed before a cadence is trusted. */
  static final int MIN_SAMPLES = 8;

  private static final int WINDOW = 32;

  private final Clock wall;
  private final Deque<Sample> samples = new ArrayDeque<>();
  private Instant seenAt;

  private record Sample(long number, long timestamp) {}

  public ChainClock(Clock wall) {
    this.wall = Objects.requireNonNull(wall, "wall");
  }

  /** A clock over the system's wall time. */
  public static ChainClock system() {
    return new ChainClock(Clock.systemUTC());
  }

  @Override
  public void onHead(BlockHeader head) {
    observe(head.number(), head.timestamp());
  }

  /** Records a block; one not newer than the latest seen is ignored. */
  public synchronized void observe(long number, long timestamp) {
    Sample last = samples.peekLast();
    if (last != null && number <= last.number()) {
      return;
    }
    samples.addLast(new Sample(number, timestamp));
    if (samples.size() > WINDOW) {
      samples.removeFirst();
    }
    seenAt = wall.instant();
  }

  /** The latest block's number, or -1 before any. */
  public synchronized long latestBlock() {
    Sample last = samples.peekLast();
    return last == null ? -1 : last.number();
  }

  /** The latest block's timestamp, empty before any. */
  public synchronized Optional<Instant> latestBlockTime() {
    Sample last = samples.peekLast();
    return last == null ? Optional.empty() : Optional.of(Instant.ofEpochSecond(last.timestamp()));
  }

  /**
   * The chain's steady block interval: the smallest recent spacing when most spacings equal it,
   * else {@link #MIN_INTERVAL}.
   */
  public synchronized Duration blockInterval() {
    List<Long> spacings = new ArrayList<>(samples.size());
    Sample previous = null;
    for (Sample sample : samples) {
      if (previous != null) {
        long blocks = sample.number() - previous.number();
        spacings.add((sample.timestamp() - previous.timestamp()) * 1000 / blocks);
      }
      previous = sample;
    }
    if (spacings.size() < MIN_SAMPLES) {
      return MIN_INTERVAL;
    }
    long smallest = Collections.min(spacings);
    long atSmallest = spacings.stream().filter(spacing -> spacing == smallest).count();
    if (atSmallest * 2 <= spacings.size() || smallest < MIN_INTERVAL.toMillis()) {
      return MIN_INTERVAL;
    }
    return Duration.ofMillis(smallest);
  }

  /** The earliest timestamp the next block can carry; empty before any block was seen. */
  public Optional<Instant> nextBlockTime() {
    Duration interval = blockInterval();
    return latestBlockTime().map(time -> time.plus(interval));
  }

  /**
   * The chain's time now: the latest block's timestamp plus the wall time since it was seen (so a
   * node whose time was moved ahead is followed); empty before any block was seen.
   */
  public synchronized Optional<Instant> now() {
    Sample last = samples.peekLast();
    if (last == null) {
      return Optional.empty();
    }
    Duration since = Duration.between(seenAt, wall.instant());
    return Optional.of(
        Instant.ofEpochSecond(last.timestamp()).plus(since.isNegative() ? Duration.ZERO : since));
  }
}
