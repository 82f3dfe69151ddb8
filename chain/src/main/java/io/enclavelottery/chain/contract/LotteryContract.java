package io.enclavelottery.chain.contract;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One deployed lottery contract, as the operator, the feed and auditors see it: reads of its state
 * and the calls they make, prepared as {@link ContractCall}s for the transaction sender.
 *
 * <p>Reads go to the chain at the latest block, or at a fixed block through {@link #atBlock(long)}
 * (a follower reading the state that matches the logs it delivered, an auditor reading a consistent
 * picture). Every read throws {@link ChainUnavailableException} when the node cannot be asked and
 * {@link ContractCallException} when the contract rejects the read (for example an unknown round)
 * or there is no contract at the address.
 *
 * <p>The call methods only encode: they never touch the chain and never fail for chain reasons.
 * Their default implementations use {@link LotteryCalls}, so fakes need only implement the reads.
 *
 * <p>Amounts are wei, times {@link Instant}s of block time, lengths of time {@link Duration}s,
 * addresses lower-case {@code 0x} hex.
 */
public interface LotteryContract {

  // ---------------------------------------------------------------- where

  /** The contract's address, lower-case {@code 0x} hex. */
  String address();

  /** The chain id the node reports ({@code eth_chainId}). */
  long chainId();

  /** The latest block number, or the fixed block of a view made by {@link #atBlock(long)}. */
  long blockNumber();

  /** The same contract with every read made at the given block. */
  LotteryContract atBlock(long blockNumber);

  /** Whether there is contract code at the address (false for an account or a wrong address). */
  boolean hasCode();

  // ---------------------------------------------------------------- reads

  /** The number of the current (latest) round; 0 before the first. */
  long currentRoundId();

  /** The current round. */
  Round round();

  /**
   * A round by its number.
   *
   * @throws ContractCallException when the round does not exist
   */
  Round roundById(long roundId);

  /** Configuration, bond, pause and pending operator, all read at one block. */
  LotterySettings settings();

  /** The operator's address. */
  String operator();

  /** A page of the current round's distinct players with each one's total bet. */
  List<Participant> participants(long offset, long limit);

  /** A page of a round's distinct players with each one's total bet. */
  List<Participant> participants(long roundId, long offset, long limit);

  /** A page of a round's bets in order: bettor and cumulative total. */
  List<Bet> bets(long roundId, long offset, long limit);

  /** What the player has bet in the current round. */
  BigInteger betAmount(String player);

  /** What the player bet in a round. */
  BigInteger betAmount(long roundId, String player);

  /** What the contract owes the account for {@code withdraw()} (commission, prize, old bond). */
  BigInteger pendingWithdrawal(String account);

  /** What {@code claimRefund(roundId)} would pay the player now; zero once claimed. */
  BigInteger refundOwed(long roundId, String player);

  /** The contract's own {@code computeCommitment(roundId, seed)}. */
  Hex32 computeCommitment(long roundId, Hex32 seed);

  // ---------------------------------------------------------------- calls

  /** The encoder behind the call methods. */
  default LotteryCalls calls() {
    return new LotteryCalls(address());
  }

  /** Operator: open a round now (otherwise the first bet opens it). */
  default ContractCall startRound() {
    return calls().startRound();
  }

  /** Operator: commit the seed's commitment; {@code endTime} must be the round's current end. */
  default ContractCall commitSeed(Hex32 commitment, Instant endTime) {
    return calls().commitSeed(commitment, endTime);
  }

  /** Anyone who knows the seed: reveal it and draw the winner within the draw window. */
  default ContractCall drawWinner(Hex32 seed) {
    return calls().drawWinner(seed);
  }

  /** Operator: move the end of betting later. */
  default ContractCall extendBettingTime(Instant newEndTime) {
    return calls().extendBettingTime(newEndTime);
  }

  /** Operator: refund the running round while betting is still open. */
  default ContractCall refundRound() {
    return calls().refundRound();
  }

  /** Anyone: refund a round that can no longer be drawn. */
  default ContractCall refundExpiredRound() {
    return calls().refundExpiredRound();
  }

  /** Operator: refuse (or again accept) new rounds. */
  default ContractCall setPaused(boolean paused) {
    return calls().setPaused(paused);
  }

  /** Operator, while WAITING. */
  default ContractCall updateMinBetAmount(BigInteger wei) {
    return calls().updateMinBetAmount(wei);
  }

  /** Operator, while WAITING. */
  default ContractCall updateBettingDuration(Duration duration) {
    return calls().updateBettingDuration(duration);
  }

  /** Operator, while WAITING. */
  default ContractCall updateMinParticipants(long minParticipants) {
    return calls().updateMinParticipants(minParticipants);
  }

  /** Operator, while WAITING. */
  default ContractCall updateDrawDelays(Duration minDelay, Duration maxDelay) {
    return calls().updateDrawDelays(minDelay, maxDelay);
  }

  /** Operator, while WAITING. */
  default ContractCall updateMinEndTimeExtension(Duration extension) {
    return calls().updateMinEndTimeExtension(extension);
  }

  /** Anyone: pay out what the contract credited to the caller. */
  default ContractCall withdraw() {
    return calls().withdraw();
  }

  /** Operator, while WAITING: take part of the bond back. */
  default ContractCall withdrawBond(BigInteger wei) {
    return calls().withdrawBond(wei);
  }

  /**
   * Anyone: add to the operator's bond; from the pending operator, to the bond it takes over with.
   */
  default ContractCall depositBond(BigInteger wei) {
    return calls().depositBond(wei);
  }

  /** A player: bet on the current round (opening one when WAITING). */
  default ContractCall placeBet(BigInteger wei) {
    return calls().placeBet(wei);
  }

  /** A player: claim the refund of a refunded round. */
  default ContractCall claimRefund(long roundId) {
    return calls().claimRefund(roundId);
  }

  /** Publisher: propose a new operator, active after the change delay. */
  default ContractCall proposeOperator(String newOperator) {
    return calls().proposeOperator(newOperator);
  }

  /** Publisher: withdraw the proposed operator change, crediting the candidate's deposit back. */
  default ContractCall cancelOperatorChange() {
    return calls().cancelOperatorChange();
  }

  /** Anyone, once due and while WAITING: activate the proposed operator. */
  default ContractCall activateOperator() {
    return calls().activateOperator();
  }
}
