package io.enclavelottery.frontend.view;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.follower.ChainFollower;
import io.enclavelottery.chain.follower.FollowerConfig;
import org.junit.jupiter.api.Test;

/** Starting a view on a follower that is not the view's own. */
class ViewFollowTest {

  private final InMemoryLotteryContract contract =
      new InMemoryLotteryContract("0x" + "ab".repeat(20));

  @Test
  void aFollowerWaitingForMoreConfirmationsThanTheViewIsRefusedInWords() {
    FollowerConfig deep = FollowerConfig.defaults().withConfirmations(3);
    try (ChainFollower follower =
        new ChainFollower(
            () -> {
              throw new RpcException("no node in this test");
            },
            deep)) {
      assertThatThrownBy(
              () -> ViewFollow.start(follower, 1, contract, 31337, ViewLimits.defaults(), 0))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("the follower waits for 3 confirmations, more than the view's 1");
    }
  }
}
