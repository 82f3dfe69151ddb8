package io.enclavelottery.chain.follower;

import io.enclavelottery.chain.RpcException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches logs in block ranges as large as the node accepts: a refused range is halved and tried
 * again, and after {@value #GROW_AFTER} full chunks succeed in a row the chunk doubles, up to its
 * configured size.
 */
final class LogRangeFetcher {

  /** Logs of blocks {@code fromBlock..toBlock}, in chain order. */
  record Fetched(long fromBlock, long toBlock, List<ChainLog> logs) {}

  static final int GROW_AFTER = 4;

  private static final Logger LOG = LoggerFactory.getLogger(LogRangeFetcher.class);

  private final int maxChunk;
  private int chunk;
  private int fullChunkSuccesses;

  LogRangeFetcher(int maxChunk) {
    this.maxChunk = maxChunk;
    this.chunk = maxChunk;
  }

  int chunkBlocks() {
    return chunk;
  }

  /** Fetches from {@code fromBlock} up to at most {@code maxToBlock}, as far as one query goes. */
  Fetched fetch(
      ChainRpc rpc, long fromBlock, long maxToBlock, List<String> addresses, Set<String> topics) {
    while (true) {
      long toBlock = Math.min(maxToBlock, fromBlock + chunk - 1);
      LogQuery query = new LogQuery(fromBlock, toBlock, addresses, topics);
      try {
        List<ChainLog> logs = new ArrayList<>(rpc.logs(query));
        logs.removeIf(log -> log.blockNumber() < fromBlock || log.blockNumber() > toBlock);
        logs.sort(ChainLog.CHAIN_ORDER);
        succeeded(query);
        return new Fetched(fromBlock, toBlock, logs);
      } catch (RangeTooLargeException e) {
        if (query.blockCount() == 1) {
          throw new RpcException("the node refuses even a one-block log query: " + e.getMessage());
        }
        chunk = (int) Math.max(1, query.blockCount() / 2);
        fullChunkSuccesses = 0;
        LOG.debug("node refused {} blocks of logs, trying {}", query.blockCount(), chunk);
      }
    }
  }

  private void succeeded(LogQuery query) {
    if (chunk >= maxChunk || query.blockCount() < chunk) {
      return;
    }
    if (++fullChunkSuccesses >= GROW_AFTER) {
      chunk = (int) Math.min(maxChunk, 2L * chunk);
      fullChunkSuccesses = 0;
    }
  }
}
