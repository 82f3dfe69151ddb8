package io.enclavelottery.chain.follower;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

/**
 * Compares the node's chain, from its newest block down, with a {@link BlockWindow}: which blocks
 * are new, and whether (and where) the two chains forked.
 */
final class ForkDetector {

  /**
   * @param forkBlock the highest block both chains share, when it is below the window's tip
   * @param newBlocks the node's blocks above the fork (or the tip), lowest first
   * @param beyondWindow whether the fork lies below the oldest block the window holds, so that logs
   *     delivered before that block cannot be retracted
   */
  record Outcome(OptionalLong forkBlock, List<BlockHeader> newBlocks, boolean beyondWindow) {}

  private ForkDetector() {}

  static Outcome compare(ChainRpc rpc, BlockWindow window, BlockHeader latest) {
    if (window.isEmpty()) {
      return new Outcome(OptionalLong.empty(), List.of(latest), false);
    }
    if (latest.number() - window.highest() > window.capacity()) {
      return acrossGap(rpc, window, latest);
    }
    List<BlockHeader> newer = new ArrayList<>();
    BlockHeader block = latest;
    long fork;
    boolean beyondWindow = false;
    while (true) {
      if (window.holds(block)) {
        fork = block.number();
        break;
      }
      newer.add(block);
      if (extendsWindow(window, block)) {
        // the usual case, a child of the window's tip: no need to ask the node for the parent
        fork = block.number() - 1;
        break;
      }
      if (block.number() <= window.lowest()) {
        beyondWindow = true;
        // below the window only the node's newest block itself can be reached (a rollback):
        // keep it, since nothing tells it apart from the block delivered there
        fork = block.number() == window.lowest() ? block.number() - 1 : block.number();
        break;
      }
      block = parentOf(rpc, block);
    }
    Collections.reverse(newer);
    return new Outcome(forkBelowTip(window, fork), newer, beyondWindow);
  }

  /**
   * The node is more than a window ahead (the follower was away): rather than walk every block
   * back, check the window's blocks by number, and start the window again at the node's tip.
   */
  private static Outcome acrossGap(ChainRpc rpc, BlockWindow window, BlockHeader latest) {
    for (long number = window.highest(); number >= window.lowest(); number--) {
      long height = number;
      BlockHeader canonical =
          rpc.headerByNumber(number)
              .orElseThrow(() -> new ChainMovedException("block " + height + " vanished"));
      if (window.holds(canonical)) {
        return new Outcome(forkBelowTip(window, number), List.of(latest), false);
      }
    }
    return new Outcome(OptionalLong.of(window.lowest() - 1), List.of(latest), true);
  }

  private static OptionalLong forkBelowTip(BlockWindow window, long fork) {
    return fork < window.highest() ? OptionalLong.of(fork) : OptionalLong.empty();
  }

  private static boolean extendsWindow(BlockWindow window, BlockHeader block) {
    return window
        .header(block.number() - 1)
        .filter(parent -> parent.hash().equals(block.parentHash()))
        .isPresent();
  }

  static BlockHeader parentOf(ChainRpc rpc, BlockHeader block) {
    return rpc.headerByHash(block.parentHash())
        .orElseThrow(
            () ->
                new ChainMovedException(
                    "the parent of block " + block.number() + " is no longer known"));
  }
}
