package io.enclavelottery.chain.tx;

/**
 * Whether the chain still needs a transaction, asked right before every send and every replacement
 * (typically: re-read the round and check it is still in the state the call is for). When it
 * answers no, nothing more is sent. An exception counts as "could not tell": a first send fails, a
 * replacement is postponed.
 */
@FunctionalInterface
public interface Precondition {

  boolean stillNeeded();

  /** A precondition that always holds, for calls that are always wanted. */
  static Precondition always() {
    return () -> true;
  }
}
