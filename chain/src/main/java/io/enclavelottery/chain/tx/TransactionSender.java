package io.enclavelottery.chain.tx;

import io.enclavelottery.chain.contract.ContractCall;
import java.util.List;

/**
 * Sends prepared contract calls for one signer on one chain: simulates first (a call that would
 * revert is never sent), prices gas, keeps the nonce sequence, waits for the receipt and replaces a
 * stuck transaction with higher fees. Before every send and every replacement it asks the caller's
 * {@link Precondition} whether the chain still needs the call.
 *
 * <p>Create one sender per signer address and chain and share it: the nonce sequence lives in it,
 * for prepared calls and signer-built transactions alike. {@link #send} blocks until the outcome is
 * known, so call it off event-loop threads.
 */
public interface TransactionSender {

  /** The address transactions are sent from. */
  String address();

  /** Sends {@code call} while {@code precondition} holds and waits for the outcome. */
  SendResult send(ContractCall call, Precondition precondition);

  /**
   * Sends a transaction its signer builds itself, in the same nonce sequence as {@link
   * #send(ContractCall, Precondition)}: simulated through its stand-in when it has one, signed once
   * the precondition holds, replaced by asking the signer again at the same nonce.
   */
  SendResult send(SignerBuiltCall call, Precondition precondition);

  /** Sends {@code payload} while {@code precondition} holds, whichever kind it is. */
  default SendResult send(Payload payload, Precondition precondition) {
    if (payload instanceof Payload.SignerBuilt built) {
      return send(built.call(), precondition);
    }
    return send(((Payload.Call) payload).call(), precondition);
  }

  /** Sends a call that is always wanted. */
  default SendResult send(ContractCall call) {
    return send(call, Precondition.always());
  }

  /** The transactions sent and not yet settled, by nonce. */
  List<SentTransaction> pending();
}
