package io.enclavelottery.chain.contract;

/** The states of a round, in the contract's order ({@code ILottery.RoundState}). */
public enum RoundState {
  /** No round is running; settings may change; the next bet or {@code startRound()} opens one. */
  WAITING,
  /** Bets are accepted until {@code endTime}; the operator commits the seed in this state. */
  BETTING,
  /** Kept for the seed system's clients: a draw passes through it within one transaction. */
  DRAWING,
  /** The winner was drawn and paid (or credited); final. */
  COMPLETED,
  /** The round was refunded; players claim their bets (and any reveal penalty share); final. */
  REFUNDED;

  /** The state with the contract's numeric value. */
  public static RoundState fromOrdinal(int value) {
    RoundState[] states = values();
    if (value < 0 || value >= states.length) {
      throw new IllegalArgumentException("unknown round state " + value);
    }
    return states[value];
  }

  /** Whether the round has ended for good (completed or refunded). */
  public boolean isFinal() {
    return this == COMPLETED || this == REFUNDED;
  }
}
