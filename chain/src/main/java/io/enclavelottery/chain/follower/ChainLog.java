package io.enclavelottery.chain.follower;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * One contract event log as the chain holds it: the emitting contract, where it sits in the chain
 * (block number and hash, transaction, index in the block) and its raw topics and data. Addresses,
 * hashes and topics are lower-case {@code 0x} hex.
 */
public record ChainLog(
    String address,
    long blockNumber,
    String blockHash,
    String transactionHash,
    long transactionIndex,
    long logIndex,
    List<String> topics,
    String data) {

  /** Chain order: by block, then by position in the block. */
  public static final Comparator<ChainLog> CHAIN_ORDER =
      Comparator.comparingLong(ChainLog::blockNumber).thenComparingLong(ChainLog::logIndex);

  public ChainLog {
    address = lower(address, "address");
    blockHash = lower(blockHash, "blockHash");
    transactionHash = lower(transactionHash, "transactionHash");
    topics = topics.stream().map(topic -> lower(topic, "topic")).toList();
    data = data == null ? "0x" : data;
  }

  /** The event's signature hash, absent for anonymous events. */
  public Optional<String> topic0() {
    return topics.isEmpty() ? Optional.empty() : Optional.of(topics.get(0));
  }

  /** Converts a log from a web3j response. */
  public static ChainLog of(Log log) {
    return new ChainLog(
        log.getAddress(),
        log.getBlockNumber().longValueExact(),
        log.getBlockHash(),
        log.getTransactionHash(),
        log.getTransactionIndex().longValueExact(),
        log.getLogIndex().longValueExact(),
        log.getTopics(),
        log.getData());
  }

  /** The same log as web3j's type, for web3j's event decoding and the generated binding. */
  public Log toWeb3jLog() {
    return new Log(
        false,
        Numeric.encodeQuantity(java.math.BigInteger.valueOf(logIndex)),
        Numeric.encodeQuantity(java.math.BigInteger.valueOf(transactionIndex)),
        transactionHash,
        blockHash,
        Numeric.encodeQuantity(java.math.BigInteger.valueOf(blockNumber)),
        address,
        data,
        null,
        topics);
  }

  private static String lower(String value, String what) {
    return Objects.requireNonNull(value, what).toLowerCase(Locale.ROOT);
  }
}
