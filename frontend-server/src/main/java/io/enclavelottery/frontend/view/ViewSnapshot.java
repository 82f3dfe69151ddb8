package io.enclavelottery.frontend.view;

import java.util.Objects;
import java.util.Optional;

/**
 * The whole view at one moment, consistent across its parts (all as of {@link
 * SyncStatus#viewBlock()}). Immutable: readers on any thread may keep and use it.
 *
 * @param sync how far the view is, and whether it is ready
 * @param config the settings; empty until first read
 * @param round the current round
 * @param participants the current round's players
 * @param history finished rounds, newest first
 * @param activities the activity feed, newest first
 * @param refunds refunded rounds each player has yet to claim (not sent to clients as such)
 */
public record ViewSnapshot(
    SyncStatus sync,
    Optional<ConfigSnapshot> config,
    RoundSnapshot round,
    ParticipantsSnapshot participants,
    HistorySnapshot history,
    ActivitySnapshot activities,
    UnclaimedRefunds refunds) {

  public ViewSnapshot {
    Objects.requireNonNull(sync, "sync");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(round, "round");
    Objects.requireNonNull(participants, "participants");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(activities, "activities");
    Objects.requireNonNull(refunds, "refunds");
  }

  /** Nothing applied yet. */
  public static ViewSnapshot empty(long chainId, String contract) {
    return new ViewSnapshot(
        new SyncStatus(chainId, contract, -1, -1, false),
        Optional.empty(),
        RoundSnapshot.NONE,
        ParticipantsSnapshot.NONE,
        HistorySnapshot.EMPTY,
        ActivitySnapshot.EMPTY,
        UnclaimedRefunds.NONE);
  }

  public ViewSnapshot withSync(SyncStatus newSync) {
    return new ViewSnapshot(newSync, config, round, participants, history, activities, refunds);
  }
}
