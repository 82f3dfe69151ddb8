package io.enclavelottery.chain.tx;

import io.enclavelottery.chain.contract.RevertReason;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * How a {@link TransactionSender#send} ended. Expected outcomes are results, not exceptions, so a
 * caller can {@code switch} over them and turn each into status.
 */
public sealed interface SendResult {

  /** The contract function the call was for. */
  String function();

  /** A short sentence for logs, status conditions and Events. */
  String describe();

  /** Whether the call is now on chain and succeeded. */
  default boolean succeeded() {
    return this instanceof Mined;
  }

  /** Mined and successful. */
  record Mined(SentTransaction transaction, TransactionReceipt receipt) implements SendResult {

    @Override
    public String function() {
      return transaction.function();
    }

    @Override
    public String describe() {
      return transaction.function()
          + " mined in block "
          + receipt.getBlockNumber()
          + " ("
          + transaction.hash()
          + ")";
    }
  }

  /**
   * Mined but reverted: gas was spent. {@code reason} is the revert replayed at the block before
   * (empty when the replay no longer reverts).
   */
  record Reverted(
      SentTransaction transaction, TransactionReceipt receipt, Optional<RevertReason> reason)
      implements SendResult {

    @Override
    public String function() {
      return transaction.function();
    }

    @Override
    public String describe() {
      return transaction.function()
          + " reverted in block "
          + receipt.getBlockNumber()
          + " ("
          + transaction.hash()
          + ")"
          + reason.map(r -> ": " + r.describe()).orElse("");
    }
  }

  /** The simulation ({@code eth_call}) reverted: nothing was sent, no gas spent. */
  record WouldRevert(String function, RevertReason reason) implements SendResult {

    @Override
    public String describe() {
      return function + " would revert with " + reason.describe() + "; nothing was sent";
    }
  }

  /** The precondition said the chain no longer needs the call: nothing was sent. */
  record NotNeeded(String function) implements SendResult {

    @Override
    public String describe() {
      return function + " is no longer needed; nothing was sent";
    }
  }

  /**
   * The call was sent, stopped being needed while pending, and was replaced by an empty transfer
   * that freed its nonce; {@code receipt} is that transfer's.
   */
  record Cancelled(SentTransaction transaction, TransactionReceipt receipt) implements SendResult {

    @Override
    public String function() {
      return transaction.function();
    }

    @Override
    public String describe() {
      return transaction.function()
          + " was no longer needed while pending; its nonce "
          + transaction.nonce()
          + " was freed by "
          + transaction.hash();
    }
  }

  /**
   * Sent but not mined when the sender stopped waiting; it may still be mined. {@code reason} says
   * why waiting stopped (time, or a fee cap that allows no replacement).
   */
  record StillPending(SentTransaction transaction, String reason) implements SendResult {

    @Override
    public String function() {
      return transaction.function();
    }

    @Override
    public String describe() {
      return transaction.function()
          + " is still pending as "
          + transaction.hash()
          + " (nonce "
          + transaction.nonce()
          + "): "
          + reason;
    }
  }

  /** The node, the signer or the connection failed; {@code reason} says how. */
  record Failed(String function, String reason) implements SendResult {

    @Override
    public String describe() {
      return function + " failed: " + reason;
    }
  }
}
