package io.enclavelottery.enclave.signer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The lottery's functions the signer calls as operator, by selector. Everything else (a player's
 * {@code placeBet}, the publisher's functions, any other contract's ABI) is unknown and never
 * signed.
 */
enum OperatorFunction {
  START_ROUND("startRound()", 0, true),
  EXTEND_BETTING_TIME("extendBettingTime(uint256)", 1, true),
  REFUND_ROUND("refundRound()", 0, true),
  SET_PAUSED("setPaused(bool)", 1, true),
  WITHDRAW_BOND("withdrawBond(uint256)", 1, true),
  /** What the contract credited to the operator (its old bond once replaced); zero value. */
  WITHDRAW("withdraw()", 0, true),
  UPDATE_MIN_BET_AMOUNT("updateMinBetAmount(uint256)", 1, true),
  UPDATE_BETTING_DURATION("updateBettingDuration(uint256)", 1, true),
  UPDATE_MIN_PARTICIPANTS("updateMinParticipants(uint256)", 1, true),
  UPDATE_DRAW_DELAYS("updateDrawDelays(uint256,uint256)", 2, true),
  UPDATE_MIN_END_TIME_EXTENSION("updateMinEndTimeExtension(uint256)", 1, true),
  /** Built only by the signer itself ({@code /commit}): it holds the seed. */
  COMMIT_SEED("commitSeed(bytes32,uint256)", 2, false),
  /** Built only by the signer itself ({@code /draw}): it carries the seed. */
  DRAW_WINNER("drawWinner(bytes32)", 1, false);

  private final String signature;
  private final String selector;
  private final int arguments;
  private final boolean signedOnRequest;

  OperatorFunction(String signature, int arguments, boolean signedOnRequest) {
    this.signature = signature;
    this.selector =
        Numeric.toHexString(Hash.sha3(signature.getBytes(StandardCharsets.US_ASCII)), 0, 4, true);
    this.arguments = arguments;
    this.signedOnRequest = signedOnRequest;
  }

  static Optional<OperatorFunction> bySelector(String selector) {
    return Arrays.stream(values()).filter(f -> f.selector.equalsIgnoreCase(selector)).findFirst();
  }

  /** The Solidity name, for messages. */
  String functionName() {
    return signature.substring(0, signature.indexOf('('));
  }

  /** {@code 0x} and the four selector bytes. */
  String selector() {
    return selector;
  }

  int arguments() {
    return arguments;
  }

  /** Whether {@code POST /sign} may sign it (rather than the signer building it). */
  boolean signedOnRequest() {
    return signedOnRequest;
  }
}
