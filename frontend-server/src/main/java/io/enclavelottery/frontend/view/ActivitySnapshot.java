package io.enclavelottery.frontend.view;

import java.util.List;

/**
 * The most recent activity, newest first, at most {@code EVENTMGR_FEED_CAPACITY} items.
 *
 * @param items newest first
 */
public record ActivitySnapshot(List<ActivityItem> items) {

  public static final ActivitySnapshot EMPTY = new ActivitySnapshot(List.of());

  public ActivitySnapshot {
    items = List.copyOf(items);
  }

  /** The newest {@code limit} items (all when fewer). */
  public List<ActivityItem> newest(int limit) {
    return items.size() <= limit ? items : items.subList(0, limit);
  }
}
