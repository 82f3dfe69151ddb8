package io.enclavelottery.frontend.feed;

import java.util.Locale;

/** The kinds of message the feed sends; each message's {@code type} is the wire name. */
public enum FeedMessageType {
  /** The contract's settings (sent on connect and when they change). */
  CONFIG_UPDATE,
  /** The current round (sent on connect and when it changes). */
  ROUND_UPDATE,
  /** The current round's players (sent on connect and when they change). */
  PARTICIPANTS_UPDATE,
  /** The finished rounds (sent on connect and when one finishes or a reorganisation undoes one). */
  HISTORY_UPDATE,
  /** One new activity item. */
  ACTIVITY,
  /** A chain reorganisation undid activity items that were sent before. */
  RETRACTED,
  /** Sent every heartbeat interval, with the view's block progress. */
  HEARTBEAT;

  /** {@code config_update}, {@code round_update}, … */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
