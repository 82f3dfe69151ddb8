package io.enclavelottery.operator.reconciler;

import io.enclavelottery.chain.follower.FollowerEvent;
import io.enclavelottery.chain.follower.LogConsumer;
import io.enclavelottery.crd.LotteryRound;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;

/**
 * Contract events as reconciles: each LotteryRound's contract is followed on its chain's one shared
 * follower, and a log of that contract (or a reorganisation that retracts some) reconciles the
 * LotteryRound in the block it lands, so the status follows the chain rather than a timer.
 */
final class ContractEventSource extends SimpleInboundEventSource<LotteryRound> {

  ContractEventSource() {
    super("contract-events");
  }

  /** What the follower tells about the contract of LotteryRound {@code id}. */
  LogConsumer logsOf(ResourceID id) {
    return event -> {
      if (!(event instanceof FollowerEvent.Logs logs) || !logs.logs().isEmpty()) {
        propagateEvent(id);
      }
    };
  }
}
