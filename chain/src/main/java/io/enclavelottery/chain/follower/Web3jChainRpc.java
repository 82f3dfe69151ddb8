package io.enclavelottery.chain.follower;

import io.enclavelottery.chain.RpcException;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;

/** {@link ChainRpc} over web3j, for any web3j transport (HTTP or WebSocket). */
public final class Web3jChainRpc implements ChainRpc {

  private static final Logger LOG = LoggerFactory.getLogger(Web3jChainRpc.class);

  /**
   * How nodes and providers word "your log query is too large": geth/Infura ("query returned more
   * than 10000 results"), Alchemy ("Log response size exceeded"), BSC ("exceed maximum block
   * range"), QuickNode ("limited to a 10,000 range"), Ankr ("block range is too wide"), others
   * ("block range too large", "too many logs").
   */
  private static final Pattern RANGE_REFUSED =
      Pattern.compile(
          "more than [\\d,]+ results|response size (is )?(exceeded|too)|block range"
              + "|range (is )?too (large|wide|big)|exceed(s|ed)? (the )?max(imum)? (block )?range"
              + "|limited to a [\\d,]+ (block )?range|too many (logs|results|blocks)");

  /** EIP-1474's "limit exceeded", which some nodes use for oversized log queries. */
  private static final int LIMIT_EXCEEDED = -32005;

  private final Web3j web3j;
  private final Web3jService service;

  /** Calls through {@code web3j}; {@link #close()} closes {@code service}, its transport. */
  public Web3jChainRpc(Web3j web3j, Web3jService service) {
    this.web3j = Objects.requireNonNull(web3j, "web3j");
    this.service = Objects.requireNonNull(service, "service");
  }

  @Override
  public BlockHeader latestHeader() {
    return header(web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false))
        .orElseThrow(() -> new RpcException("eth_getBlockByNumber: the node has no latest block"));
  }

  @Override
  public Optional<BlockHeader> headerByNumber(long number) {
    return header(
        web3j.ethGetBlockByNumber(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false));
  }

  @Override
  public Optional<BlockHeader> headerByHash(String hash) {
    return header(web3j.ethGetBlockByHash(hash, false));
  }

  @Override
  public List<ChainLog> logs(LogQuery query) {
    EthFilter filter =
        new EthFilter(
            DefaultBlockParameter.valueOf(BigInteger.valueOf(query.fromBlock())),
            DefaultBlockParameter.valueOf(BigInteger.valueOf(query.toBlock())),
            query.addresses());
    if (!query.topic0s().isEmpty()) {
      filter.addOptionalTopics(query.topic0s().stream().sorted().toArray(String[]::new));
    }
    EthLog response = send(web3j.ethGetLogs(filter));
    List<ChainLog> logs = new ArrayList<>(response.getLogs().size());
    for (EthLog.LogResult<?> result : response.getLogs()) {
      if (result instanceof EthLog.LogObject log) {
        logs.add(ChainLog.of(log.get()));
      } else {
        throw new RpcException("eth_getLogs: the node answered with hashes instead of logs");
      }
    }
    return logs;
  }

  @Override
  public void close() {
    try {
      service.close();
    } catch (IOException | RuntimeException e) {
      LOG.debug("closing the node connection failed", e);
    }
  }

  private Optional<BlockHeader> header(Request<?, EthBlock> request) {
    EthBlock.Block block = send(request).getBlock();
    if (block == null) {
      return Optional.empty();
    }
    if (block.getHash() == null || block.getNumberRaw() == null) {
      throw new RpcException(request.getMethod() + ": the node answered with a pending block");
    }
    return Optional.of(
        new BlockHeader(
            block.getNumber().longValueExact(),
            block.getHash(),
            block.getParentHash(),
            block.getTimestamp().longValueExact()));
  }

  private static <T extends Response<?>> T send(Request<?, T> request) {
    T response;
    try {
      response = request.send();
    } catch (IOException e) {
      throw new RpcException(request.getMethod() + ": node unreachable: " + describe(e), e);
    } catch (RuntimeException e) {
      // web3j's WebSocket client throws unchecked exceptions once the socket is closed
      throw new RpcException(request.getMethod() + ": " + describe(e), e);
    }
    if (response == null) {
      throw new RpcException(request.getMethod() + ": no answer");
    }
    if (response.hasError()) {
      Response.Error error = response.getError();
      String words = request.getMethod() + ": " + error.getMessage() + " (" + error.getCode() + ")";
      if (request.getMethod().equals("eth_getLogs") && isRangeRefusal(error)) {
        throw new RangeTooLargeException(words);
      }
      throw new RpcException(words);
    }
    return response;
  }

  static boolean isRangeRefusal(Response.Error error) {
    String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
    if (message.contains("rate")) {
      return false;
    }
    return error.getCode() == LIMIT_EXCEEDED || RANGE_REFUSED.matcher(message).find();
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
