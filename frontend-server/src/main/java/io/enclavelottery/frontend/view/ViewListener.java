package io.enclavelottery.frontend.view;

/**
 * Hears of each {@link ViewChange} of a {@link LotteryView}. Called on the chain follower's thread,
 * after the view's snapshot shows the change, in chain order: it must not block (serialise and
 * enqueue, then return). An exception is logged and the other listeners still hear the change.
 */
@FunctionalInterface
public interface ViewListener {

  void onChange(ViewChange change);
}
