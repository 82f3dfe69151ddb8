package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.ChainUnavailableException;
import io.enclavelottery.chain.contract.NodeRequests;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;

/** {@link ChainView} over a web3j client, with errors that name the node only redacted. */
public final class Web3jChainView implements ChainView {

  private final Web3j web3j;
  private final NodeRequests node;

  /**
   * @param web3j the client (its owner shuts it down)
   * @param rpcUrl its URL, only ever shown redacted
   */
  public Web3jChainView(Web3j web3j, String rpcUrl) {
    this.web3j = Objects.requireNonNull(web3j, "web3j");
    this.node = new NodeRequests(rpcUrl);
  }

  @Override
  public long chainId() {
    return node.send("read the chain id", web3j.ethChainId()).getChainId().longValueExact();
  }

  @Override
  public LatestBlock latestBlock() {
    EthBlock.Block block = block(DefaultBlockParameterName.LATEST);
    BigInteger baseFee =
        block.getBaseFeePerGasRaw() == null ? BigInteger.ZERO : block.getBaseFeePerGas();
    return new LatestBlock(
        block.getNumber().longValueExact(),
        Instant.ofEpochSecond(block.getTimestamp().longValueExact()),
        baseFee);
  }

  @Override
  public BigInteger balance(String address) {
    return node.send(
            "read the balance of " + address,
            web3j.ethGetBalance(address, DefaultBlockParameterName.LATEST))
        .getBalance();
  }

  @Override
  public AccountNonces nonces(String address) {
    BigInteger mined =
        node.send(
                "read the nonce of " + address,
                web3j.ethGetTransactionCount(address, DefaultBlockParameterName.LATEST))
            .getTransactionCount();
    BigInteger pending =
        node.send(
                "read the pending nonce of " + address,
                web3j.ethGetTransactionCount(address, DefaultBlockParameterName.PENDING))
            .getTransactionCount();
    return new AccountNonces(mined, pending);
  }

  @Override
  public Instant blockTime(long number) {
    EthBlock.Block block = block(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)));
    return Instant.ofEpochSecond(block.getTimestamp().longValueExact());
  }

  private EthBlock.Block block(DefaultBlockParameter which) {
    EthBlock.Block block =
        node.send("read block " + which.getValue(), web3j.ethGetBlockByNumber(which, false))
            .getBlock();
    if (block == null) {
      throw new ChainUnavailableException(
          "the node at " + node.endpoint() + " has no block " + which.getValue());
    }
    return block;
  }
}
