package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the decision looks at, read by the caller at the latest head.
 *
 * @param round the contract's current round
 * @param settings the contract's settings, bond and pause, read at the same block
 * @param policy what the spec asks for
 * @param now the latest head's timestamp (chain time, never the local clock)
 * @param pending the transaction this controller sent and has no outcome for, if any
 * @param seed whether the signer can supply the current round's seed
 * @param balance the operator account's balance against the cost of a transaction
 */
public record Observation(
    Round round,
    LotterySettings settings,
    RoundPolicy policy,
    Instant now,
    Optional<PendingTransaction> pending,
    SeedAvailability seed,
    OperatorBalance balance) {

  public Observation {
    Objects.requireNonNull(round, "round");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(pending, "pending");
    Objects.requireNonNull(seed, "seed");
    Objects.requireNonNull(balance, "balance");
  }
}
