package io.enclavelottery.chain.tx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.chain.RpcException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthEstimateGas;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** {@link TransactionRpc} over a web3j client (HTTP or WebSocket). */
public final class Web3jTransactionRpc implements TransactionRpc {

  /** JSON-RPC error code of an execution that reverted (EIP-1474 / Geth). */
  private static final int EXECUTION_REVERTED = 3;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Web3j web3j;

  public Web3jTransactionRpc(Web3j web3j) {
    this.web3j = Objects.requireNonNull(web3j, "web3j");
  }

  @Override
  public long chainId() {
    return checked(send(web3j.ethChainId()), "eth_chainId").getChainId().longValueExact();
  }

  @Override
  public BigInteger transactionCount(String address, DefaultBlockParameter block) {
    return checked(send(web3j.ethGetTransactionCount(address, block)), "eth_getTransactionCount")
        .getTransactionCount();
  }

  @Override
  public BigInteger baseFee() {
    EthBlock.Block block =
        checked(
                send(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)),
                "eth_getBlockByNumber")
            .getBlock();
    if (block == null || block.getBaseFeePerGasRaw() == null) {
      throw new RpcException("the latest block has no base fee: the chain is not on EIP-1559");
    }
    return block.getBaseFeePerGas();
  }

  @Override
  public Optional<BigInteger> maxPriorityFee() {
    var response = send(web3j.ethMaxPriorityFeePerGas());
    if (response.hasError()) {
      return Optional.empty();
    }
    return Optional.ofNullable(response.getMaxPriorityFeePerGas());
  }

  @Override
  public CallOutcome call(CallRequest request, DefaultBlockParameter block) {
    EthCall response = send(web3j.ethCall(transaction(request), block));
    if (!response.hasError()) {
      return new CallOutcome.Returned(response.getValue());
    }
    Response.Error error = response.getError();
    return isRevert(error)
        ? new CallOutcome.Reverted(revertData(error), error.getMessage())
        : new CallOutcome.Refused(error.getMessage());
  }

  @Override
  public GasEstimate estimateGas(CallRequest request) {
    EthEstimateGas response = send(web3j.ethEstimateGas(transaction(request)));
    if (!response.hasError()) {
      return new GasEstimate.Estimated(response.getAmountUsed());
    }
    Response.Error error = response.getError();
    return isRevert(error)
        ? new GasEstimate.Reverted(revertData(error), error.getMessage())
        : new GasEstimate.Refused(error.getMessage());
  }

  @Override
  public SubmitOutcome sendRawTransaction(String signedTransactionHex) {
    EthSendTransaction response = send(web3j.ethSendRawTransaction(signedTransactionHex));
    if (response.hasError()) {
      return new SubmitOutcome.Rejected(response.getError().getMessage());
    }
    return new SubmitOutcome.Accepted(response.getTransactionHash());
  }

  @Override
  public Optional<TransactionReceipt> receipt(String transactionHash) {
    return checked(
            send(web3j.ethGetTransactionReceipt(transactionHash)), "eth_getTransactionReceipt")
        .getTransactionReceipt();
  }

  private static Transaction transaction(CallRequest request) {
    return Transaction.createFunctionCallTransaction(
        request.from(), null, null, null, request.to(), request.value(), request.data());
  }

  private static boolean isRevert(Response.Error error) {
    return error.getCode() == EXECUTION_REVERTED
        || String.valueOf(error.getMessage()).toLowerCase(Locale.ROOT).contains("revert");
  }

  /** The error's {@code data}: web3j keeps it as raw JSON (a quoted string, or an object). */
  static String revertData(Response.Error error) {
    String raw = error.getData();
    if (raw == null || raw.isBlank()) {
      return "0x";
    }
    try {
      JsonNode node = JSON.readTree(raw);
      if (node.isTextual()) {
        return hexOrEmpty(node.asText());
      }
      if (node.has("data") && node.get("data").isTextual()) {
        return hexOrEmpty(node.get("data").asText());
      }
    } catch (IOException notJson) {
      return hexOrEmpty(raw);
    }
    return "0x";
  }

  private static String hexOrEmpty(String text) {
    String trimmed = text.strip();
    return trimmed.matches("0x[0-9a-fA-F]*") ? trimmed : "0x";
  }

  private static <T extends Response<?>> T send(Request<?, T> request) {
    try {
      return request.send();
    } catch (IOException e) {
      throw new RpcException(request.getMethod() + " failed: " + e.getMessage(), e);
    }
  }

  private static <T extends Response<?>> T checked(T response, String method) {
    if (response.hasError()) {
      throw new RpcException(method + " failed: " + response.getError().getMessage());
    }
    return response;
  }
}
