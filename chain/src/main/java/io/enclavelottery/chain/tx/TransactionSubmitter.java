package io.enclavelottery.chain.tx;

import io.enclavelottery.chain.signer.Signer;
import io.enclavelottery.chain.tx.TransactionRpc.SubmitOutcome;
import java.math.BigInteger;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;

/** Builds an EIP-1559 transaction, has the signer sign it and hands it to the node. */
final class TransactionSubmitter {

  /** What the node made of a signed transaction. */
  sealed interface Submission {

    /** In the pool (newly, or it was already there) under {@code hash}. */
    record Sent(String hash) implements Submission {}

    record Refused(NodeRejection kind, String message) implements Submission {}
  }

  private final TransactionRpc rpc;
  private final Signer signer;
  private final long chainId;

  TransactionSubmitter(TransactionRpc rpc, Signer signer, long chainId) {
    this.rpc = rpc;
    this.signer = signer;
    this.chainId = chainId;
  }

  Submission submit(
      BigInteger nonce, BigInteger gasLimit, String to, BigInteger value, String data, Fees fees) {
    RawTransaction transaction =
        RawTransaction.createTransaction(
            chainId,
            nonce,
            gasLimit,
            to,
            value,
            data,
            fees.maxPriorityFeePerGas(),
            fees.maxFeePerGas());
    String signed = signer.signTransaction(transaction, chainId);
    SubmitOutcome outcome = rpc.sendRawTransaction(signed);
    if (outcome instanceof SubmitOutcome.Accepted accepted) {
      return new Submission.Sent(accepted.hash());
    }
    String message = ((SubmitOutcome.Rejected) outcome).message();
    NodeRejection kind = NodeRejection.classify(message);
    if (kind == NodeRejection.ALREADY_KNOWN) {
      return new Submission.Sent(Hash.sha3(signed));
    }
    return new Submission.Refused(kind, message);
  }
}
