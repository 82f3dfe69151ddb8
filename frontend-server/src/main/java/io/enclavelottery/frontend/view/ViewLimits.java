package io.enclavelottery.frontend.view;

/**
 * How much of the past the view keeps.
 *
 * @param historyCapacity finished rounds kept ({@code EVENTMGR_HISTORY_CAPACITY})
 * @param feedCapacity activity items kept ({@code EVENTMGR_FEED_CAPACITY})
 */
public record ViewLimits(int historyCapacity, int feedCapacity) {

  public ViewLimits {
    if (historyCapacity < 1) {
      throw new IllegalArgumentException("historyCapacity must be at least 1");
    }
    if (feedCapacity < 1) {
      throw new IllegalArgumentException("feedCapacity must be at least 1");
    }
  }

  /** 50 rounds of history, 200 activity items. */
  public static ViewLimits defaults() {
    return new ViewLimits(50, 200);
  }
}
