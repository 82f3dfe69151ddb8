package io.enclavelottery.frontend.view;

import java.util.Set;

/**
 * The updater's state after one update: the published snapshot plus what it still has to read from
 * the contract. Immutable, so that recent states can be kept for a reorganisation to return to.
 *
 * @param snapshot what readers see
 * @param configStale whether an event changed the settings since they were last read
 * @param roundsAwaitingSeed refunded rounds whose revealed seed no event carries (a draw with too
 *     few players reveals, then refunds): read from the contract once caught up
 */
record ViewState(ViewSnapshot snapshot, boolean configStale, Set<Long> roundsAwaitingSeed) {

  ViewState {
    roundsAwaitingSeed = Set.copyOf(roundsAwaitingSeed);
  }

  static ViewState initial(ViewSnapshot empty) {
    return new ViewState(empty, true, Set.of());
  }

  long block() {
    return snapshot.sync().viewBlock();
  }

  boolean hasPendingReads() {
    return configStale || snapshot.config().isEmpty() || !roundsAwaitingSeed.isEmpty();
  }
}
