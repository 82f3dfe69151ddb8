package io.enclavelottery.frontend.view;

/** A {@link ViewListener}'s registration; closing it stops the calls. Idempotent. */
@FunctionalInterface
public interface ViewSubscription extends AutoCloseable {

  @Override
  void close();
}
