package io.enclavelottery.operator.decision;

import java.time.Instant;
import java.util.Objects;

/**
 * A transaction this controller sent and whose outcome it does not know yet.
 *
 * @param action what it was sent for
 * @param sentAt when it was first sent, in chain time (the latest head's timestamp at sending), so
 *     that it compares with {@link Observation#now()}
 */
public record PendingTransaction(Action action, Instant sentAt) {

  public PendingTransaction {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(sentAt, "sentAt");
    if (!action.sendsTransaction()) {
      throw new IllegalArgumentException("a pending transaction needs an action that sends one");
    }
  }
}
