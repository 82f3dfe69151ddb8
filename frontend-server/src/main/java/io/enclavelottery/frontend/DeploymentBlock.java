package io.enclavelottery.frontend;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.chain.contract.ContractCallException;
import io.enclavelottery.chain.contract.LotteryContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the block a contract was deployed in, where the view's backfill should start: a binary
 * search for the first block with code at the address (about log2(head) {@code eth_getCode} calls,
 * 25 for a chain of 20 million blocks). A node that keeps no old state cannot answer for old
 * blocks; then the search gives up and says 0 (set {@code EVENTMGR_START_BLOCK} for such nodes).
 */
final class DeploymentBlock {

  private static final Logger LOG = LoggerFactory.getLogger(DeploymentBlock.class);

  private DeploymentBlock() {}

  /**
   * The deployment block of {@code contract}, or 0 when the node cannot say.
   *
   * @throws StartupException when there is no contract at the address at the latest block
   */
  static long find(LotteryContract contract) {
    long head = contract.blockNumber();
    if (!contract.atBlock(head).hasCode()) {
      throw new StartupException(
          "there is no contract at " + contract.address() + " on this chain (block " + head + ")");
    }
    long low = 0;
    long high = head;
    try {
      while (low < high) {
        long middle = low + (high - low) / 2;
        if (contract.atBlock(middle).hasCode()) {
          high = middle;
        } else {
          low = middle + 1;
        }
      }
      return low;
    } catch (ContractCallException | RpcException e) {
      LOG.warn(
          "cannot search for the deployment block of {} ({}); backfilling from block 0:"
              + " set EVENTMGR_START_BLOCK to start later",
          contract.address(),
          e.getMessage());
      return 0;
    }
  }
}
