package io.enclavelottery.frontend.feed;

import java.util.List;

/**
 * What a client gets on connect: the latest message of each state type, and the sequence number
 * through which they are current (later messages are sent to the client as they come).
 */
record FeedSnapshot(
    long sequence,
    FeedMessage config,
    FeedMessage round,
    FeedMessage participants,
    FeedMessage history) {

  /** In the order a client receives them. */
  List<FeedMessage> messages() {
    return List.of(config, round, participants, history);
  }

  /** This snapshot with the message taking its type's place (when it is a state type). */
  FeedSnapshot with(FeedMessage message) {
    long seq = message.sequence();
    return switch (message.type()) {
      case CONFIG_UPDATE -> new FeedSnapshot(seq, message, round, participants, history);
      case ROUND_UPDATE -> new FeedSnapshot(seq, config, message, participants, history);
      case PARTICIPANTS_UPDATE -> new FeedSnapshot(seq, config, round, message, history);
      case HISTORY_UPDATE -> new FeedSnapshot(seq, config, round, participants, message);
      case ACTIVITY, RETRACTED, HEARTBEAT ->
          new FeedSnapshot(seq, config, round, participants, history);
    };
  }
}
