package io.enclavelottery.chain.events;

import java.util.List;

/**
 * Past events of one lottery contract, looked up by query rather than followed (the follower
 * follows). For auditors, history views and tools that start cold.
 */
public interface LotteryEventLog {

  /**
   * The events of one round between two blocks (both included), in chain order.
   *
   * @throws io.enclavelottery.chain.contract.ChainUnavailableException when the node cannot answer,
   *     even for ranges split down to one block
   */
  List<RoundEvent> roundEvents(long roundId, long fromBlock, long toBlock);

  /** The latest block number, the natural end of a query. */
  long latestBlock();
}
