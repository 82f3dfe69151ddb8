package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.tx.Precondition;
import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.chain.tx.SignerBuiltCall;
import io.enclavelottery.chain.tx.TransactionSender;
import java.util.Objects;

/**
 * What the keeper sends for one action: a prepared contract call its sender signs, or a transaction
 * the enclave signer builds itself (a commitment or a draw, whose seed the keeper never sees before
 * it is signed). Both go through one sender, so they share the operator's nonces.
 */
public sealed interface OperatorTransaction {

  /** The contract function, for logs. */
  String function();

  /** Sends it through {@code sender} while {@code precondition} holds. */
  SendResult send(TransactionSender sender, Precondition precondition);

  /** A call the sender's signer signs. */
  record Call(ContractCall call) implements OperatorTransaction {
    public Call {
      Objects.requireNonNull(call, "call");
    }

    @Override
    public String function() {
      return call.function();
    }

    @Override
    public SendResult send(TransactionSender sender, Precondition precondition) {
      return sender.send(call, precondition);
    }
  }

  /** A transaction its signer builds. */
  record SignerBuilt(SignerBuiltCall call) implements OperatorTransaction {
    public SignerBuilt {
      Objects.requireNonNull(call, "call");
    }

    @Override
    public String function() {
      return call.function();
    }

    @Override
    public SendResult send(TransactionSender sender, Precondition precondition) {
      return sender.send(call, precondition);
    }
  }
}
