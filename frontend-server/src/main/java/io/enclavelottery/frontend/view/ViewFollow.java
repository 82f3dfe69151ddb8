package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.follower.ChainFollower;
import io.enclavelottery.chain.follower.FollowHandle;
import io.enclavelottery.chain.follower.FollowerConfig;
import java.util.Objects;

/**
 * A {@link LotteryView} kept up to date by a {@link ChainFollower}: the contract's events from a
 * start block on, at the follower's confirmation depth. Closing it stops the updates (the view
 * keeps its last snapshot); the follower itself belongs to the caller.
 */
public final class ViewFollow implements AutoCloseable {

  private final LotteryView view;
  private final FollowHandle handle;

  private ViewFollow(LotteryView view, FollowHandle handle) {
    this.view = view;
    this.handle = handle;
  }

  /**
   * Starts following {@code contract} into a new view, from {@code fromBlock} (the block of the
   * contract's deployment or earlier: a view started later misses the rounds before it). The
   * follower must use {@code followerConfig}; it is started if it was not.
   */
  public static ViewFollow start(
      ChainFollower follower,
      FollowerConfig followerConfig,
      LotteryContract contract,
      long chainId,
      ViewLimits limits,
      long fromBlock) {
    Objects.requireNonNull(follower, "follower");
    LotteryView view = new LotteryView(chainId, contract.address());
    ViewUpdater updater =
        new ViewUpdater(
            view, contract, limits, followerConfig.confirmations(), followerConfig.reorgWindow());
    follower.onHead(updater);
    FollowHandle handle = follower.follow(contract.address(), fromBlock, updater);
    follower.start();
    return new ViewFollow(view, handle);
  }

  public LotteryView view() {
    return view;
  }

  /** The last block whose events the view has received. */
  public long deliveredThrough() {
    return handle.deliveredThrough();
  }

  @Override
  public void close() {
    handle.close();
  }
}
