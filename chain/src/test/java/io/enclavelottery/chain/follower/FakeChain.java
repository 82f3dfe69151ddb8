package io.enclavelottery.chain.follower;

import io.enclavelottery.chain.RpcException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory chain for unit tests: blocks linked by hash, logs in them, forks, outages and a node
 * that refuses log queries over a block range. Thread-safe, so a follower's thread can read it
 * while the test builds it.
 */
final class FakeChain implements ChainRpc {

  /** A log to put in a block. */
  record Event(String address, String topic0, String data) {
    static Event of(String address, String data) {
      return new Event(address, TOPIC_A, data);
    }
  }

  record Block(BlockHeader header, List<ChainLog> logs) {}

  static final String TOPIC_A = "0x" + "a".repeat(64);
  static final String TOPIC_B = "0x" + "b".repeat(64);

  private final List<Block> canonical = new ArrayList<>();
  private final Map<String, Block> byHash = new HashMap<>();
  private int nonce;
  private volatile boolean down;
  private volatile int maxBlocksPerQuery = Integer.MAX_VALUE;
  private volatile Runnable beforeNextLogs;
  final List<LogQuery> logQueries = new CopyOnWriteArrayList<>();
  final AtomicInteger calls = new AtomicInteger();

  FakeChain() {
    append(List.of());
  }

  static String address(int n) {
    return String.format("0x%040x", n);
  }

  synchronized BlockHeader mine(Event... events) {
    return append(List.of(events));
  }

  synchronized void mineEmpty(int blocks) {
    for (int i = 0; i < blocks; i++) {
      append(List.of());
    }
  }

  /** Replaces the newest {@code depth} blocks with {@code replacements} (one list per block). */
  synchronized void reorg(int depth, List<List<Event>> replacements) {
    rollback(depth);
    replacements.forEach(this::append);
  }

  synchronized void rollback(int depth) {
    canonical.subList(canonical.size() - depth, canonical.size()).clear();
  }

  synchronized long head() {
    return canonical.size() - 1;
  }

  synchronized List<ChainLog> canonicalLogs(String address) {
    return canonical.stream()
        .flatMap(block -> block.logs().stream())
        .filter(log -> log.address().equals(address))
        .toList();
  }

  void setDown(boolean isDown) {
    down = isDown;
  }

  void refuseRangesOver(int blocks) {
    maxBlocksPerQuery = blocks;
  }

  /** Runs {@code action} just before the next log query is answered (a reorg in between). */
  void beforeNextLogs(Runnable action) {
    beforeNextLogs = action;
  }

  @Override
  public synchronized BlockHeader latestHeader() {
    call();
    return canonical.get(canonical.size() - 1).header();
  }

  @Override
  public synchronized Optional<BlockHeader> headerByNumber(long number) {
    call();
    return number < canonical.size()
        ? Optional.of(canonical.get((int) number).header())
        : Optional.empty();
  }

  @Override
  public synchronized Optional<BlockHeader> headerByHash(String hash) {
    call();
    return Optional.ofNullable(byHash.get(hash)).map(Block::header);
  }

  @Override
  public List<ChainLog> logs(LogQuery query) {
    Runnable action = beforeNextLogs;
    if (action != null) {
      beforeNextLogs = null;
      action.run();
    }
    synchronized (this) {
      call();
      logQueries.add(query);
      if (query.blockCount() > maxBlocksPerQuery) {
        throw new RangeTooLargeException("eth_getLogs: block range too large (-32602)");
      }
      List<ChainLog> logs = new ArrayList<>();
      for (long n = query.fromBlock(); n <= query.toBlock() && n < canonical.size(); n++) {
        for (ChainLog log : canonical.get((int) n).logs()) {
          if (query.addresses().contains(log.address())
              && (query.topic0s().isEmpty() || query.topic0s().contains(log.topics().get(0)))) {
            logs.add(log);
          }
        }
      }
      return logs;
    }
  }

  private void call() {
    calls.incrementAndGet();
    if (down) {
      throw new RpcException("node unreachable: Connection refused");
    }
  }

  private BlockHeader append(List<Event> events) {
    long number = canonical.size();
    String parent = number == 0 ? hash(0) : canonical.get((int) number - 1).header().hash();
    BlockHeader header = new BlockHeader(number, hash(++nonce), parent, 1_700_000_000 + number);
    List<ChainLog> logs = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      logs.add(
          new ChainLog(
              event.address(),
              number,
              header.hash(),
              hash(++nonce),
              i,
              i,
              List.of(event.topic0()),
              event.data()));
    }
    Block block = new Block(header, List.copyOf(logs));
    canonical.add(block);
    byHash.put(header.hash(), block);
    return header;
  }

  private static String hash(int n) {
    return String.format("0x%064x", n);
  }
}
