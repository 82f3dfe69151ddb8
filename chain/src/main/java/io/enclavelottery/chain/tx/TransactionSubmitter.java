package io.enclavelottery.chain.tx;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.signer.Signer;
import io.enclavelottery.chain.tx.TransactionRpc.SubmitOutcome;
import java.math.BigInteger;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;

/**
 * Has a transaction signed — built here and signed by the signer, or built by its signer — and
 * hands it to the node.
 */
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

  /** Sends {@code payload} at {@code nonce}. */
  Submission submit(BigInteger nonce, BigInteger gasLimit, Payload payload, Fees fees) {
    String signed;
    if (payload instanceof Payload.SignerBuilt built) {
      signed = built.call().sign(nonce, gasLimit, fees);
    } else {
      ContractCall call = ((Payload.Call) payload).call();
      signed = sign(nonce, gasLimit, call.to(), call.value(), call.data(), fees);
    }
    return hand(signed);
  }

  /** Sends an empty transfer from {@code from} to itself at {@code nonce}, which frees it. */
  Submission cancel(BigInteger nonce, BigInteger gasLimit, String from, Fees fees) {
    return hand(sign(nonce, gasLimit, from, BigInteger.ZERO, "0x", fees));
  }

  private String sign(
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
    return signer.signTransaction(transaction, chainId);
  }

  private Submission hand(String signed) {
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
