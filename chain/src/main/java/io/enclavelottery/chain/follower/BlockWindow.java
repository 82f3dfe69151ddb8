package io.enclavelottery.chain.follower;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last blocks of the chain as the follower believes it, linked by parent hash, with the logs
 * delivered from each block to each follow, so that the follower can tell where a reorganisation
 * forked and retract what it delivered after that. It holds at most {@code capacity} blocks; logs
 * of blocks that fall out of it are final.
 */
final class BlockWindow {

  private static final class Block {
    final BlockHeader header;
    final Map<Long, List<ChainLog>> deliveredByFollow = new HashMap<>(2);

    Block(BlockHeader header) {
      this.header = header;
    }
  }

  private final int capacity;
  private final List<Block> blocks = new ArrayList<>();

  BlockWindow(int capacity) {
    this.capacity = capacity;
  }

  int capacity() {
    return capacity;
  }

  int size() {
    return blocks.size();
  }

  boolean isEmpty() {
    return blocks.isEmpty();
  }

  Optional<BlockHeader> tip() {
    return blocks.isEmpty() ? Optional.empty() : Optional.of(blocks.get(blocks.size() - 1).header);
  }

  /** The lowest block held; only on a non-empty window. */
  BlockHeader bottom() {
    return blocks.get(0).header;
  }

  long lowest() {
    return bottom().number();
  }

  long highest() {
    return blocks.get(blocks.size() - 1).header.number();
  }

  /** The lowest block a window this long may hold below its tip. */
  long floor() {
    return Math.max(0, highest() - capacity + 1);
  }

  boolean isFull() {
    return blocks.size() >= capacity;
  }

  Optional<BlockHeader> header(long number) {
    return block(number).map(block -> block.header);
  }

  /** Whether {@code header} is the block this window holds at its height. */
  boolean holds(BlockHeader header) {
    return header(header.number()).map(held -> held.hash().equals(header.hash())).orElse(false);
  }

  /**
   * Adds blocks on top. A block that does not build on the tip starts the window afresh: only after
   * a gap wider than the window, whose older blocks are final anyway.
   */
  void extend(List<BlockHeader> newer) {
    for (BlockHeader header : newer) {
      if (!blocks.isEmpty() && !tip().orElseThrow().isParentOf(header)) {
        blocks.clear();
      }
      blocks.add(new Block(header));
    }
    if (blocks.size() > capacity) {
      blocks.subList(0, blocks.size() - capacity).clear();
    }
  }

  /** Adds the parent of the bottom block below it. */
  void prepend(BlockHeader parent) {
    if (!parent.isParentOf(bottom())) {
      throw new ChainMovedException(
          "block " + parent.number() + " " + parent.hash() + " is not the parent of the window");
    }
    blocks.add(0, new Block(parent));
  }

  /** Forgets the blocks above {@code number}, with what was delivered from them. */
  void truncateAbove(long number) {
    while (!blocks.isEmpty() && highest() > number) {
      blocks.remove(blocks.size() - 1);
    }
  }

  /** Remembers that {@code log} was delivered to follow {@code followId}, if its block is held. */
  void record(long followId, ChainLog log) {
    block(log.blockNumber())
        .ifPresent(
            block ->
                block
                    .deliveredByFollow
                    .computeIfAbsent(followId, id -> new ArrayList<>())
                    .add(log));
  }

  /** What follow {@code followId} received from blocks after {@code forkBlock}, newest first. */
  List<ChainLog> deliveredAfter(long forkBlock, long followId) {
    List<ChainLog> logs = new ArrayList<>();
    for (int i = blocks.size() - 1; i >= 0 && blocks.get(i).header.number() > forkBlock; i--) {
      List<ChainLog> delivered = blocks.get(i).deliveredByFollow.getOrDefault(followId, List.of());
      for (int j = delivered.size() - 1; j >= 0; j--) {
        logs.add(delivered.get(j));
      }
    }
    return logs;
  }

  void forget(long followId) {
    blocks.forEach(block -> block.deliveredByFollow.remove(followId));
  }

  private Optional<Block> block(long number) {
    if (blocks.isEmpty() || number < lowest() || number > highest()) {
      return Optional.empty();
    }
    return Optional.of(blocks.get((int) (number - lowest())));
  }
}
