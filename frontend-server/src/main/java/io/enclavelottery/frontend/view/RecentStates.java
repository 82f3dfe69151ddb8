package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.events.LotteryEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The view's states after each of the last updates, with the events each update applied, so that a
 * chain reorganisation can return the view to its fork block. Covers at least {@code depth} blocks.
 */
final class RecentStates {

  /** What to go back to: a kept state, and the events after it up to the fork to apply again. */
  record Rollback(ViewState base, List<LotteryEvent> replay) {}

  private record Update(ViewState after, List<LotteryEvent> events) {}

  private final int depth;
  private final Deque<Update> updates = new ArrayDeque<>();

  RecentStates(int depth) {
    this.depth = depth;
  }

  /** Remembers the state after an update and the events it applied (in chain order). */
  void add(ViewState after, List<LotteryEvent> events) {
    updates.addLast(new Update(after, List.copyOf(events)));
    // keep the newest state at or below the window's bottom: it is where a deepest fork returns
    while (updates.size() > 1 && secondOldest().after().block() <= after.block() - depth) {
      updates.removeFirst();
    }
  }

  /**
   * Forgets what happened after {@code forkBlock}. The result is the newest kept state at or below
   * it, plus the events of the update that spanned the fork (those up to the fork block); empty
   * when the fork is older than every kept state.
   */
  Optional<Rollback> rollBackTo(long forkBlock) {
    Update spanning = null;
    while (!updates.isEmpty() && updates.peekLast().after().block() > forkBlock) {
      spanning = updates.removeLast();
    }
    if (updates.isEmpty()) {
      return Optional.empty();
    }
    List<LotteryEvent> replay =
        spanning == null
            ? List.of()
            : spanning.events().stream()
                .filter(event -> event.position().blockNumber() <= forkBlock)
                .toList();
    return Optional.of(new Rollback(updates.peekLast().after(), replay));
  }

  private Update secondOldest() {
    var it = updates.iterator();
    it.next();
    return it.next();
  }
}
