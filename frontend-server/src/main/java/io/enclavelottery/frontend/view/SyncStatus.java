package io.enclavelottery.frontend.view;

/**
 * How far the view has been brought.
 *
 * @param chainId the chain followed
 * @param contract the lottery's address, lower-case {@code 0x} hex
 * @param viewBlock the block through which every event has been applied; -1 before the first
 * @param latestBlock the newest block the follower has seen on the chain; -1 before the first
 * @param ready whether the first backfill (from the start block to the confirmed head) is done
 */
public record SyncStatus(
    long chainId, String contract, long viewBlock, long latestBlock, boolean ready) {

  /** Blocks between the newest seen and the last applied (0 before anything is known). */
  public long lagBlocks() {
    return latestBlock < 0 ? 0 : Math.max(0, latestBlock - Math.max(viewBlock, -1));
  }
}
