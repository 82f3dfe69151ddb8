package io.enclavelottery.chain.follower;

import java.util.List;
import java.util.Set;

/**
 * One {@code eth_getLogs}: the logs of any of {@code addresses} in blocks {@code
 * fromBlock..toBlock} (inclusive) whose topic0 is one of {@code topic0s} (any topic0 when empty).
 */
public record LogQuery(long fromBlock, long toBlock, List<String> addresses, Set<String> topic0s) {

  public LogQuery {
    if (fromBlock < 0 || toBlock < fromBlock) {
      throw new IllegalArgumentException("bad block range " + fromBlock + ".." + toBlock);
    }
    if (addresses.isEmpty()) {
      throw new IllegalArgumentException("a log query needs at least one address");
    }
    addresses = List.copyOf(addresses);
    topic0s = Set.copyOf(topic0s);
  }

  public long blockCount() {
    return toBlock - fromBlock + 1;
  }
}
