package io.enclavelottery.operator.keeper;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every event and status a keeper reports. */
final class RecordingListener implements KeeperListener {

  final List<KeeperEvent> events = new CopyOnWriteArrayList<>();
  final List<KeeperStatus> statuses = new CopyOnWriteArrayList<>();

  @Override
  public void onEvent(KeeperEvent event) {
    events.add(event);
  }

  @Override
  public void onStatus(KeeperStatus status) {
    statuses.add(status);
  }

  List<String> reasons() {
    return events.stream().map(KeeperEvent::reason).toList();
  }

  /** Every message and status field in one list of strings, for leak checks. */
  List<String> everything() {
    List<String> all = new CopyOnWriteArrayList<>();
    events.forEach(event -> all.add(event.toString() + " " + event.message()));
    statuses.forEach(status -> all.add(status.toString()));
    return all;
  }
}
