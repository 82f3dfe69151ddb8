package io.enclavelottery.chain.tx;

import io.enclavelottery.chain.RpcException;
import java.math.BigInteger;
import java.util.Optional;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The JSON-RPC calls the {@link TransactionSender} needs, and nothing more, so its tests can use a
 * small fake. Every method throws {@link RpcException} when the node cannot be reached or answers
 * with an error the method does not model.
 */
public interface TransactionRpc {

  /** {@code eth_chainId}. */
  long chainId();

  /** {@code eth_getTransactionCount} at {@code block} ({@code pending} counts the pool too). */
  BigInteger transactionCount(String address, DefaultBlockParameter block);

  /** The base fee per gas of the latest block. */
  BigInteger baseFee();

  /** {@code eth_maxPriorityFeePerGas}; empty when the node does not offer it. */
  Optional<BigInteger> maxPriorityFee();

  /** {@code eth_call} of {@code request} at {@code block}. */
  CallOutcome call(CallRequest request, DefaultBlockParameter block);

  /** {@code eth_estimateGas} of {@code request}. */
  GasEstimate estimateGas(CallRequest request);

  /** {@code eth_sendRawTransaction}; a refusal by the node is a result, not an exception. */
  SubmitOutcome sendRawTransaction(String signedTransactionHex);

  /** {@code eth_getTransactionReceipt}; empty while the transaction is not mined. */
  Optional<TransactionReceipt> receipt(String transactionHash);

  /**
   * A call as {@code eth_call} and {@code eth_estimateGas} take it.
   *
   * @param from the sender
   * @param to the contract
   * @param value wei sent along
   * @param data {@code 0x} call data
   */
  record CallRequest(String from, String to, BigInteger value, String data) {}

  /** What {@code eth_call} answered. */
  sealed interface CallOutcome {

    /** The call succeeded with this return data. */
    record Returned(String data) implements CallOutcome {}

    /** The call reverted; {@code data} is the revert data ({@code 0x} when there was none). */
    record Reverted(String data, String message) implements CallOutcome {}

    /** The node would not run it at all (insufficient funds, bad parameters…). */
    record Refused(String message) implements CallOutcome {}
  }

  /** What {@code eth_estimateGas} answered. */
  sealed interface GasEstimate {

    record Estimated(BigInteger gas) implements GasEstimate {}

    record Reverted(String data, String message) implements GasEstimate {}

    record Refused(String message) implements GasEstimate {}
  }

  /** What {@code eth_sendRawTransaction} answered. */
  sealed interface SubmitOutcome {

    /** In the node's pool under this hash. */
    record Accepted(String hash) implements SubmitOutcome {}

    /** Refused, with the node's words ({@link NodeRejection} classifies them). */
    record Rejected(String message) implements SubmitOutcome {}
  }
}
