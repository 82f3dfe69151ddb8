package io.enclavelottery.chain.follower;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Records what a follow receives and checks the delivery protocol as it goes: ranges follow each
 * other without gaps, logs arrive in chain order, a retraction removes exactly logs that were
 * delivered, and no log is delivered twice without a retraction in between. A breach is kept and
 * reported by {@link #violations()} (the consumer itself must not throw).
 */
public final class RecordingConsumer implements LogConsumer {

  private final Map<String, ChainLog> view = new LinkedHashMap<>();
  private final List<FollowerEvent> events = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private long expectedFrom = -1;
  private ChainLog last;

  @Override
  public synchronized void accept(FollowerEvent event) {
    events.add(event);
    if (event instanceof FollowerEvent.Logs logs) {
      if (expectedFrom >= 0 && logs.fromBlock() != expectedFrom) {
        violations.add("range starts at " + logs.fromBlock() + ", expected " + expectedFrom);
      }
      for (ChainLog log : logs.logs()) {
        if (log.blockNumber() < logs.fromBlock() || log.blockNumber() > logs.toBlock()) {
          violations.add("log of block " + log.blockNumber() + " outside its range");
        }
        if (last != null && ChainLog.CHAIN_ORDER.compare(last, log) >= 0) {
          violations.add("log out of order: " + log);
        }
        if (view.put(key(log), log) != null) {
          violations.add("delivered twice without a retraction: " + log);
        }
        last = log;
      }
      expectedFrom = logs.toBlock() + 1;
    } else if (event instanceof FollowerEvent.Retracted retracted) {
      for (ChainLog log : retracted.logs()) {
        if (view.remove(key(log)) == null) {
          violations.add("retracted a log never delivered: " + log);
        }
        if (log.blockNumber() <= retracted.forkBlock()) {
          violations.add("retracted a log at or below the fork: " + log);
        }
      }
      for (ChainLog kept : view.values()) {
        if (kept.blockNumber() > retracted.forkBlock()) {
          violations.add("a log above the fork was not retracted: " + kept);
        }
      }
      expectedFrom = retracted.forkBlock() + 1;
      last = view.values().stream().reduce((first, second) -> second).orElse(null);
    }
  }

  private static String key(ChainLog log) {
    return log.blockHash() + "/" + log.logIndex();
  }

  /** The logs delivered and not retracted, in delivery order. */
  public synchronized List<ChainLog> view() {
    return new ArrayList<>(view.values());
  }

  public List<FollowerEvent> events() {
    return List.copyOf(events);
  }

  public List<FollowerEvent.Retracted> retractions() {
    return events.stream()
        .filter(FollowerEvent.Retracted.class::isInstance)
        .map(FollowerEvent.Retracted.class::cast)
        .toList();
  }

  /** The last block delivered through, -1 before anything. */
  public synchronized long deliveredThrough() {
    return expectedFrom - 1;
  }

  public List<String> violations() {
    return List.copyOf(violations);
  }

  /** Fails the test if the protocol was breached. */
  public void assertConsistent() {
    assertThat(violations()).as("delivery protocol violations").isEmpty();
  }
}
