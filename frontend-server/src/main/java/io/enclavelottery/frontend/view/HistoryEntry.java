package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.contract.Round;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A finished round: completed with a winner or refunded.
 *
 * @param round the round's final values (state COMPLETED or REFUNDED), as {@code getRoundById}
 *     returns them
 * @param finishedAt the block time of the draw or refund
 * @param refundReason the contract's reason for a refund; empty for a completed round
 * @param transactionHash the transaction that drew or refunded the round
 * @param block the block of that transaction
 */
public record HistoryEntry(
    Round round,
    Instant finishedAt,
    Optional<String> refundReason,
    String transactionHash,
    long block) {

  public HistoryEntry {
    Objects.requireNonNull(round, "round");
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(refundReason, "refundReason");
    Objects.requireNonNull(transactionHash, "transactionHash");
  }

  public long roundId() {
    return round.roundId();
  }
}
