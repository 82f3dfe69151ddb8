package io.enclavelottery.chain.contract;

import io.enclavelottery.chain.signer.SigningKey;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Objects;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * One transaction at a time, from start to receipt: simulated by {@code eth_estimateGas} (a revert
 * is reported and nothing is sent), signed as EIP-1559, sent and waited for. No nonce tracking, no
 * fee replacement: enough for a deployment and for tests. The operator's transactions go through
 * the transaction sender instead.
 */
final class PlainTransactions {

  private static final BigInteger GAS_MARGIN_PERCENT = BigInteger.valueOf(120);
  private static final BigInteger FALLBACK_PRIORITY_FEE =
      Convert.toWei("1", Convert.Unit.GWEI).toBigIntegerExact();
  private static final long RECEIPT_POLL_MILLIS = 100;
  private static final int RECEIPT_POLL_ATTEMPTS = 1200;

  private final Web3j web3j;
  private final NodeRequests node;

  PlainTransactions(Web3j web3j, NodeRequests node) {
    this.web3j = Objects.requireNonNull(web3j, "web3j");
    this.node = Objects.requireNonNull(node, "node");
  }

  /** Sends a prepared call and returns its receipt once mined successfully. */
  TransactionReceipt send(SigningKey key, ContractCall call) {
    return send(key, call.to(), call.data(), call.value(), call.function());
  }

  /**
   * Sends a transaction and returns its receipt once mined successfully.
   *
   * @param to the recipient, or null to create a contract
   * @throws ContractCallException when the simulation reverts or the mined transaction failed
   * @throws ChainUnavailableException when the node cannot be asked
   */
  TransactionReceipt send(
      SigningKey key, String to, String data, BigInteger value, String function) {
    String where = to == null ? "a new lottery" : "the lottery at " + to;
    long chainId = node.send("read the chain id", web3j.ethChainId()).getChainId().longValueExact();
    BigInteger nonce =
        node.send(
                "read the nonce of " + key.address(),
                web3j.ethGetTransactionCount(key.address(), DefaultBlockParameterName.PENDING))
            .getTransactionCount();
    BigInteger estimate =
        node.sendContractCall(
                function,
                where,
                web3j.ethEstimateGas(
                    Transaction.createEthCallTransaction(key.address(), to, data, value)))
            .getAmountUsed();
    BigInteger gasLimit = estimate.multiply(GAS_MARGIN_PERCENT).divide(BigInteger.valueOf(100));
    BigInteger priorityFee = priorityFee();
    BigInteger maxFee = baseFee().multiply(BigInteger.TWO).add(priorityFee);
    RawTransaction transaction =
        RawTransaction.createTransaction(
            chainId, nonce, gasLimit, to == null ? "" : to, value, data, priorityFee, maxFee);
    String signed =
        Numeric.toHexString(TransactionEncoder.signMessage(transaction, key.credentials()));
    String hash =
        node.send("send " + function, web3j.ethSendRawTransaction(signed)).getTransactionHash();
    TransactionReceipt receipt;
    try {
      receipt =
          new PollingTransactionReceiptProcessor(web3j, RECEIPT_POLL_MILLIS, RECEIPT_POLL_ATTEMPTS)
              .waitForTransactionReceipt(hash);
    } catch (IOException | TransactionException | RuntimeException e) {
      throw node.unavailable("wait for the " + function + " transaction " + hash, e);
    }
    if (!receipt.isStatusOK()) {
      throw new ContractCallException(
          function,
          "reverted when mined",
          function + " transaction " + hash + " to " + where + " reverted when mined");
    }
    return receipt;
  }

  private BigInteger priorityFee() {
    try {
      var answer = web3j.ethMaxPriorityFeePerGas().send();
      return answer.hasError() ? FALLBACK_PRIORITY_FEE : answer.getMaxPriorityFeePerGas();
    } catch (IOException | RuntimeException e) {
      // not every node implements it; a fixed tip does for a one-off transaction
      return FALLBACK_PRIORITY_FEE;
    }
  }

  private BigInteger baseFee() {
    EthBlock.Block latest =
        node.send(
                "read the latest block",
                web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
            .getBlock();
    return latest.getBaseFeePerGas() == null ? BigInteger.ZERO : latest.getBaseFeePerGas();
  }
}
