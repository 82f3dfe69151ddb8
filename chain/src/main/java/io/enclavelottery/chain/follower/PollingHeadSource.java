package io.enclavelottery.chain.follower;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/** No announcements: the follower looks at the head every {@code interval} (plain HTTP nodes). */
public record PollingHeadSource(Duration interval) implements HeadSource {

  public PollingHeadSource {
    Objects.requireNonNull(interval, "interval");
  }

  @Override
  public void start(Runnable newHead, Consumer<Throwable> lost) {
    // the follower's timer does all the work
  }

  @Override
  public Duration pollInterval() {
    return interval;
  }

  @Override
  public void close() {}
}
