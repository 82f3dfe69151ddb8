package io.enclavelottery.chain.follower;

/**
 * Told of each new canonical chain tip as soon as the follower sees it, before any confirmation
 * depth: the signal for code that acts on the latest head (and re-reads contract state itself).
 * Called on the follower's thread, after a reorganisation too; a tip the follower skipped over
 * (several blocks arriving between two looks) is not reported separately.
 */
@FunctionalInterface
public interface HeadListener {

  void onHead(BlockHeader head);
}
