package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.follower.ChainFollower;
import io.enclavelottery.chain.follower.ConfirmationDelay;
import io.enclavelottery.chain.follower.FollowHandle;
import io.enclavelottery.chain.follower.FollowerConfig;
import io.enclavelottery.chain.follower.HeadListener;
import io.enclavelottery.chain.follower.LogConsumer;
import java.util.List;
import java.util.Objects;

/**
 * A {@link LotteryView} kept up to date by a {@link ChainFollower}: the contract's events from a
 * start block on, at a confirmation depth at least the follower's (deeper ones held back by a
 * {@link ConfirmationDelay}, so the view can share a follower that delivers at the head). Closing
 * it stops the updates (the view keeps its last snapshot); the follower itself belongs to the
 * caller.
 */
public final class ViewFollow implements AutoCloseable {

  private final LotteryView view;
  private final FollowHandle handle;
  private final ChainFollower follower;
  private final List<HeadListener> headListeners;

  private ViewFollow(
      LotteryView view,
      FollowHandle handle,
      ChainFollower follower,
      List<HeadListener> headListeners) {
    this.view = view;
    this.handle = handle;
    this.follower = follower;
    this.headListeners = headListeners;
  }

  /**
   * Starts following {@code contract} into a new view, from {@code fromBlock} (the block of the
   * contract's deployment or earlier: a view started later misses the rounds before it), showing
   * events once {@code confirmations} blocks deep. The follower is started if it was not.
   *
   * @throws IllegalArgumentException when the follower waits for more confirmations than that
   */
  public static ViewFollow start(
      ChainFollower follower,
      int confirmations,
      LotteryContract contract,
      long chainId,
      ViewLimits limits,
      long fromBlock) {
    Objects.requireNonNull(follower, "follower");
    FollowerConfig followerConfig = follower.config();
    int extra = confirmations - followerConfig.confirmations();
    if (extra < 0) {
      throw new IllegalArgumentException(
          "the follower waits for "
              + followerConfig.confirmations()
              + " confirmations, more than the view's "
              + confirmations);
    }
    LotteryView view = new LotteryView(chainId, contract.address());
    ViewUpdater updater =
        new ViewUpdater(view, contract, limits, confirmations, followerConfig.reorgWindow());
    LogConsumer consumer = updater;
    List<HeadListener> headListeners = List.of(updater);
    if (extra > 0) {
      ConfirmationDelay delay = new ConfirmationDelay(extra, updater);
      consumer = delay;
      headListeners = List.of(delay, updater);
    }
    headListeners.forEach(follower::onHead);
    FollowHandle handle = follower.follow(contract.address(), fromBlock, consumer);
    follower.start();
    return new ViewFollow(view, handle, follower, headListeners);
  }

  public LotteryView view() {
    return view;
  }

  @Override
  public void close() {
    handle.close();
    headListeners.forEach(follower::removeHeadListener);
  }
}
