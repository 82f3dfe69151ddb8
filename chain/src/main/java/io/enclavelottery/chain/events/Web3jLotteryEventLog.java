package io.enclavelottery.chain.events;

import io.enclavelottery.chain.contract.ChainUnavailableException;
import io.enclavelottery.chain.contract.NodeRequests;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;

/**
 * {@link LotteryEventLog} over {@code eth_getLogs}: one query for the whole range, split in halves
 * whenever the node answers with an error (providers cap ranges and result sizes), down to single
 * blocks. A node that cannot be reached fails the query at once.
 */
public final class Web3jLotteryEventLog implements LotteryEventLog {

  private final Web3j web3j;
  private final NodeRequests node;
  private final String contract;

  /**
   * @param rpcUrl the client's URL, used only (redacted) in error messages
   * @param contract the lottery's address
   */
  public Web3jLotteryEventLog(Web3j web3j, String rpcUrl, String contract) {
    this.web3j = Objects.requireNonNull(web3j, "web3j");
    this.node = new NodeRequests(rpcUrl);
    this.contract = Objects.requireNonNull(contract, "contract").toLowerCase(Locale.ROOT);
  }

  @Override
  public List<RoundEvent> roundEvents(long roundId, long fromBlock, long toBlock) {
    if (fromBlock < 0 || toBlock < fromBlock) {
      return List.of();
    }
    String roundTopic = "0x" + TypeEncoder.encode(new Uint256(BigInteger.valueOf(roundId)));
    List<RoundEvent> events = new ArrayList<>();
    for (Log log : logs(fromBlock, toBlock, roundTopic)) {
      LotteryEventDecoder.decode(log)
          .filter(RoundEvent.class::isInstance)
          .map(RoundEvent.class::cast)
          .filter(event -> event.roundId() == roundId)
          .ifPresent(events::add);
    }
    events.sort((a, b) -> a.position().compareTo(b.position()));
    return List.copyOf(events);
  }

  @Override
  public long latestBlock() {
    return node.send("read the latest block number", web3j.ethBlockNumber())
        .getBlockNumber()
        .longValueExact();
  }

  private List<Log> logs(long fromBlock, long toBlock, String roundTopic) {
    EthFilter filter =
        new EthFilter(block(fromBlock), block(toBlock), contract)
            .addOptionalTopics(LotteryEventDecoder.roundTopics().toArray(String[]::new))
            .addSingleTopic(roundTopic);
    String what = "read the lottery's logs of blocks " + fromBlock + "-" + toBlock;
    // a node that cannot be reached fails at once; one that refuses the range gets smaller ones
    EthLog answer = node.sendRaw(what, web3j.ethGetLogs(filter));
    if (answer.hasError()) {
      return splitOrThrow(fromBlock, toBlock, roundTopic, node.nodeError(what, answer.getError()));
    }
    List<Log> logs = new ArrayList<>();
    for (EthLog.LogResult<?> result : answer.getLogs()) {
      if (result.get() instanceof Log log) {
        logs.add(log);
      }
    }
    return logs;
  }

  private List<Log> splitOrThrow(
      long fromBlock, long toBlock, String roundTopic, ChainUnavailableException failure) {
    if (fromBlock == toBlock) {
      throw failure;
    }
    long middle = fromBlock + (toBlock - fromBlock) / 2;
    List<Log> logs = new ArrayList<>(logs(fromBlock, middle, roundTopic));
    logs.addAll(logs(middle + 1, toBlock, roundTopic));
    return logs;
  }

  private static DefaultBlockParameter block(long number) {
    return DefaultBlockParameter.valueOf(BigInteger.valueOf(number));
  }
}
