package io.enclavelottery.frontend.view;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the live activity feed, made from one contract event.
 *
 * @param id stable and unique: {@code <transactionHash>:<logIndex>}; what {@link
 *     ViewChange.Retracted} names when a reorganisation undoes it
 * @param kind what happened
 * @param roundId the round it concerns; 0 for settings and operator events
 * @param actor the player, winner or new operator concerned; empty when none
 * @param amount the amount concerned in wei (bet, pot, penalty); empty when none
 * @param message a short sentence for people, made of the values above (never a secret)
 * @param timestamp the block time the contract recorded
 * @param block the block of the event
 * @param transactionHash the transaction that emitted it
 */
public record ActivityItem(
    String id,
    ActivityKind kind,
    long roundId,
    Optional<String> actor,
    Optional<BigInteger> amount,
    String message,
    Instant timestamp,
    long block,
    String transactionHash) {

  public ActivityItem {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(transactionHash, "transactionHash");
  }

  /** The id an event at this position gets. */
  public static String idOf(String transactionHash, long logIndex) {
    return transactionHash + ":" + logIndex;
  }
}
