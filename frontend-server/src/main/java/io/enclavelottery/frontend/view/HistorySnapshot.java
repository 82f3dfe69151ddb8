package io.enclavelottery.frontend.view;

import java.util.List;

/**
 * The most recent finished rounds, newest first, at most {@code EVENTMGR_HISTORY_CAPACITY} of them.
 *
 * @param rounds finished rounds, newest first
 * @param block the block of the newest entry's draw or refund; -1 when there is none
 */
public record HistorySnapshot(List<HistoryEntry> rounds, long block) {

  public static final HistorySnapshot EMPTY = new HistorySnapshot(List.of(), -1);

  public HistorySnapshot {
    rounds = List.copyOf(rounds);
  }

  /** The newest {@code limit} rounds (all when fewer). */
  public List<HistoryEntry> newest(int limit) {
    return rounds.size() <= limit ? rounds : rounds.subList(0, limit);
  }
}
