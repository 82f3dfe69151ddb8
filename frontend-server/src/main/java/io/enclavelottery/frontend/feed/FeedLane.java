package io.enclavelottery.frontend.feed;

import java.util.ArrayList;
import java.util.List;
import org.xnio.XnioIoThread;

/**
 * The feed connections served by one Undertow I/O thread. The hub hands each message to every lane
 * as one task on the lane's thread, which queues it for each of its connections; so a broadcast
 * costs one task per I/O thread, not one per client, and no connection's state is ever shared
 * between threads. Every method runs on the lane's thread.
 */
final class FeedLane {

  private final XnioIoThread thread;
  private final List<FeedConnection> connections = new ArrayList<>();

  FeedLane(XnioIoThread thread) {
    this.thread = thread;
  }

  XnioIoThread thread() {
    return thread;
  }

  void add(FeedConnection connection) {
    connection.laneIndex = connections.size();
    connections.add(connection);
  }

  /** Removes a connection (in constant time: the last one takes its place). */
  void remove(FeedConnection connection) {
    int index = connection.laneIndex;
    if (index < 0 || index >= connections.size() || connections.get(index) != connection) {
      return;
    }
    FeedConnection last = connections.remove(connections.size() - 1);
    if (last != connection) {
      connections.set(index, last);
      last.laneIndex = index;
    }
    connection.laneIndex = -1;
  }

  /** Hands one update's messages to every connection, each sending them as one batch. */
  void deliver(List<FeedMessage> messages) {
    for (int i = 0; i < connections.size(); i++) {
      connections.get(i).offer(messages);
    }
  }

  void heartbeat(FeedMessage message) {
    for (int i = 0; i < connections.size(); i++) {
      connections.get(i).heartbeat(message);
    }
  }

  void checkTimeouts(long nowNanos) {
    for (int i = 0; i < connections.size(); i++) {
      connections.get(i).checkTimeouts(nowNanos);
    }
  }

  void dropAll(DropReason reason) {
    for (int i = 0; i < connections.size(); i++) {
      connections.get(i).drop(reason);
    }
  }
}
