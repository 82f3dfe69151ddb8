package io.enclavelottery.chain.events;

import java.util.Comparator;
import java.util.Objects;

/**
 * Where a contract event sits on chain. Block hash and log index identify it across reorgs: the
 * same transaction re-mined in another block is another position.
 *
 * @param contract the emitting contract, lower-case {@code 0x} hex
 * @param blockNumber the block's number
 * @param blockHash the block's hash
 * @param transactionHash the transaction that emitted it
 * @param logIndex the log's index within the block
 */
public record EventPosition(
    String contract, long blockNumber, String blockHash, String transactionHash, long logIndex)
    implements Comparable<EventPosition> {

  /** Chain order: by block, then by log index. */
  public static final Comparator<EventPosition> CHAIN_ORDER =
      Comparator.comparingLong(EventPosition::blockNumber)
          .thenComparingLong(EventPosition::logIndex);

  public EventPosition {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(blockHash, "blockHash");
    Objects.requireNonNull(transactionHash, "transactionHash");
  }

  @Override
  public int compareTo(EventPosition other) {
    return CHAIN_ORDER.compare(this, other);
  }
}
