package io.enclavelottery.crd;

/** A round's state as the contract names it ({@code ILottery.RoundState}). */
public enum RoundState {
  /** No round is running; settings may change; the next bet or start opens one. */
  WAITING,
  /** Bets are accepted until {@code endTime}. */
  BETTING,
  /** The draw is under way (it passes within one transaction). */
  DRAWING,
  /** The winner was drawn and paid; final. */
  COMPLETED,
  /** The round was refunded; players claim their bets back; final. */
  REFUNDED
}
