package io.enclavelottery.chain.follower;

import java.util.Locale;
import java.util.Objects;

/**
 * What the follower needs of a block: its number, its hash and its parent's hash (to link it to the
 * blocks before it and notice forks), and its timestamp (seconds since the epoch).
 */
public record BlockHeader(long number, String hash, String parentHash, long timestamp) {

  public BlockHeader {
    if (number < 0) {
      throw new IllegalArgumentException("block number must not be negative: " + number);
    }
    hash = Objects.requireNonNull(hash, "hash").toLowerCase(Locale.ROOT);
    parentHash = Objects.requireNonNull(parentHash, "parentHash").toLowerCase(Locale.ROOT);
  }

  /** Whether {@code child} is built directly on this block. */
  public boolean isParentOf(BlockHeader child) {
    return child.number() == number + 1 && child.parentHash().equals(hash);
  }
}
