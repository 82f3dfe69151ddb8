package io.enclavelottery.chain.contract;

/**
 * The node answered, but the contract call failed: it reverted (the message carries the decoded
 * reason, e.g. {@code UnknownRound(9)}), or there is no contract at the address. Retrying the same
 * call will not help.
 */
public class ContractCallException extends RuntimeException {

  private final String function;
  private final String reason;

  public ContractCallException(String function, String reason, String message) {
    super(message);
    this.function = function;
    this.reason = reason;
  }

  /** The contract function that was called. */
  public String function() {
    return function;
  }

  /** Why it failed, in words (a decoded revert reason or "no contract code"). */
  public String reason() {
    return reason;
  }
}
