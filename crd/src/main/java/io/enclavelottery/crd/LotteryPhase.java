package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What the controller is doing with a LotteryRound, in one word ({@code status.phase}). */
public enum LotteryPhase {
  /** Accepted; the controller has not looked at the chain for it yet. */
  @JsonProperty("Pending")
  PENDING,
  /** The controller runs rounds on the contract. */
  @JsonProperty("Running")
  RUNNING,
  /** {@code rounds.paused}: the running round finishes, then no new round opens. */
  @JsonProperty("Paused")
  PAUSED,
  /**
   * Another, older LotteryRound runs the same contract on the same chain; this one does nothing.
   */
  @JsonProperty("Standby")
  STANDBY,
  /**
   * Nothing can be sent until a person fixes something (the spec, the key, the operator's balance,
   * the contract's operator); {@code lastError} and the conditions say what.
   */
  @JsonProperty("Blocked")
  BLOCKED,
  /**
   * Something outside the cluster (the node, the signer) is out of reach; the controller retries.
   */
  @JsonProperty("Unavailable")
  UNAVAILABLE
}
