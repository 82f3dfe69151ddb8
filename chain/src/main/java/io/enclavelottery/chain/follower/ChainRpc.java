package io.enclavelottery.chain.follower;

import io.enclavelottery.chain.RpcException;
import java.util.List;
import java.util.Optional;

/**
 * The node calls the follower makes. Every method throws {@link RpcException} when the node cannot
 * be reached or answers with an error; implementations must be usable from one thread at a time
 * only.
 */
public interface ChainRpc extends AutoCloseable {

  /** The chain's newest block. */
  BlockHeader latestHeader();

  /** The canonical block at {@code number}, empty if the chain is not that long. */
  Optional<BlockHeader> headerByNumber(long number);

  /** The block with this hash, empty if the node does not know it. */
  Optional<BlockHeader> headerByHash(String hash);

  /**
   * The canonical logs the query selects, in any order.
   *
   * @throws RangeTooLargeException when the node refuses the range as too large
   */
  List<ChainLog> logs(LogQuery query);

  /** Releases the connection; further calls fail. */
  @Override
  default void close() {}
}
