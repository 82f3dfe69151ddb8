package io.enclavelottery.operator.decision;

/** Whether the signer can supply the current round's seed (to commit it, or to reveal it). */
public enum SeedAvailability {
  /** The signer answers and holds (or, before the commitment, can create) the round's seed. */
  AVAILABLE,
  /** The signer does not answer now; it may come back with the seed. */
  UNAVAILABLE,
  /**
   * The signer answers that it does not hold the committed seed of this round (an enclave that
   * restarted): the round can never be revealed.
   */
  LOST
}
