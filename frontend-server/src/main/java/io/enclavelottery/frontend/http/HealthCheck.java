package io.enclavelottery.frontend.http;

import com.fasterxml.jackson.annotation.JsonValue;
import io.enclavelottery.chain.follower.FollowerState;
import io.enclavelottery.chain.follower.FollowerStatus;
import io.enclavelottery.frontend.view.LotteryView;
import io.enclavelottery.frontend.view.SyncStatus;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Judges the server's health from the follower's status and the view: {@code error} once the
 * follower has stopped for good, {@code degraded} while the chain is unreachable or the view lags
 * more than the allowed number of blocks behind the chain's head, {@code healthy} otherwise.
 */
public final class HealthCheck {

  /** The verdict. */
  public enum Status {
    HEALTHY,
    DEGRADED,
    ERROR;

    @JsonValue
    String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * What {@code /health} answers.
   *
   * @param status the verdict
   * @param reason why it is not healthy, in words; empty when healthy
   * @param chainId the chain followed
   * @param contract the lottery followed
   * @param latestBlock the newest block seen on the chain; -1 before the first
   * @param viewBlock the block the view has applied through; -1 before the first
   * @param lagBlocks how far the view trails the chain's head
   * @param ready whether the first backfill is done
   * @param follower the follower's state
   * @param version this server's version
   */
  public record Report(
      Status status,
      Optional<String> reason,
      long chainId,
      String contract,
      long latestBlock,
      long viewBlock,
      long lagBlocks,
      boolean ready,
      String follower,
      String version) {}

  private final LotteryView view;
  private final Supplier<FollowerStatus> follower;
  private final long maxLagBlocks;
  private final String version;

  /**
   * @param maxLagBlocks lag (beyond the confirmation depth) above which the view counts as behind
   */
  public HealthCheck(
      LotteryView view, Supplier<FollowerStatus> follower, long maxLagBlocks, String version) {
    this.view = view;
    this.follower = follower;
    this.maxLagBlocks = maxLagBlocks;
    this.version = version;
  }

  public Report report() {
    FollowerStatus chain = follower.get();
    SyncStatus sync = view.snapshot().sync();
    long latest = Math.max(sync.latestBlock(), chain.latestHead());
    long lag = latest < 0 ? 0 : Math.max(0, latest - sync.viewBlock());
    Status status = Status.HEALTHY;
    String reason = null;
    if (chain.state() == FollowerState.STOPPED) {
      status = Status.ERROR;
      reason = "the chain follower has stopped";
    } else if (chain.state() == FollowerState.DISCONNECTED) {
      status = Status.DEGRADED;
      reason = "the chain is unreachable; serving what was known";
    } else if (lag > maxLagBlocks) {
      status = Status.DEGRADED;
      reason = "the view lags " + lag + " blocks behind the chain";
    }
    return new Report(
        status,
        Optional.ofNullable(reason),
        sync.chainId(),
        sync.contract(),
        latest,
        sync.viewBlock(),
        lag,
        sync.ready(),
        chain.state().name().toLowerCase(Locale.ROOT),
        version);
  }
}
