package io.enclavelottery.frontend.view;

import java.util.List;
import java.util.Objects;

/**
 * What changed in a {@link LotteryView}, with the new value of the part that changed. Delivered to
 * {@link ViewListener}s after the view's snapshot already shows it.
 *
 * <p>Within one update the changes come in this order: {@link Retracted} (if a reorganisation undid
 * something), then {@link ActivityAdded} per new item in chain order, then at most one each of
 * {@link ConfigChanged}, {@link RoundChanged}, {@link ParticipantsChanged}, {@link HistoryChanged}
 * carrying the part's value after the whole update, then {@link SyncChanged} when the view became
 * ready.
 */
public sealed interface ViewChange {

  /** The settings were re-read after an event that changes them. */
  record ConfigChanged(ConfigSnapshot config) implements ViewChange {
    public ConfigChanged {
      Objects.requireNonNull(config, "config");
    }
  }

  /** The current round changed: a new round, a bet, a commitment, an extension, a draw. */
  record RoundChanged(RoundSnapshot round) implements ViewChange {
    public RoundChanged {
      Objects.requireNonNull(round, "round");
    }
  }

  /** The current round's players changed (a bet, or a new round with none yet). */
  record ParticipantsChanged(ParticipantsSnapshot participants) implements ViewChange {
    public ParticipantsChanged {
      Objects.requireNonNull(participants, "participants");
    }
  }

  /** A round finished (or a reorganisation removed one); the whole bounded history. */
  record HistoryChanged(HistorySnapshot history) implements ViewChange {
    public HistoryChanged {
      Objects.requireNonNull(history, "history");
    }
  }

  /** A new activity item (already at the head of the activity snapshot). */
  record ActivityAdded(ActivityItem item) implements ViewChange {
    public ActivityAdded {
      Objects.requireNonNull(item, "item");
    }
  }

  /**
   * A chain reorganisation undid everything after {@code forkBlock}: the activity items listed are
   * gone; the parts it changed follow as their own changes (round, participants, history, config)
   * in the same update.
   *
   * @param forkBlock the last block still valid
   * @param activityIds the ids of the activity items removed (newest first); possibly empty
   */
  record Retracted(long forkBlock, List<String> activityIds) implements ViewChange {
    public Retracted {
      activityIds = List.copyOf(activityIds);
    }
  }

  /** The view became ready (first backfill done). Block progress alone is not announced. */
  record SyncChanged(SyncStatus sync) implements ViewChange {
    public SyncChanged {
      Objects.requireNonNull(sync, "sync");
    }
  }
}
