package io.enclavelottery.cli;

import io.enclavelottery.chain.follower.FollowerState;
import io.enclavelottery.chain.follower.FollowerStatus;
import io.enclavelottery.operator.keeper.KeeperState;
import io.enclavelottery.operator.keeper.KeeperStatus;
import java.util.Locale;
import java.util.Optional;

/**
 * What {@code GET /health} answers for {@code lottery run}: {@code healthy} when the keeper acts
 * and the chain is followed, {@code degraded} while it starts or the follower is behind or cut off
 * (the keeper may still act), {@code error} when the keeper cannot act (an unreachable node, a
 * wrong chain, contract or key, no ether for gas) — with the reason in words.
 *
 * @param status healthy, degraded or error
 * @param chainId the configured chain id
 * @param latestBlock the latest block seen, -1 before any
 * @param lagBlocks how far the follower trails the head
 * @param keeper the keeper's state
 * @param roundId the current round, -1 before the first look
 * @param roundState the current round's state, when known
 * @param plan what the keeper does or waits for
 * @param lastError the last problem or failure in words, when there was one
 */
record HealthReport(
    String status,
    long chainId,
    long latestBlock,
    long lagBlocks,
    String keeper,
    long roundId,
    String roundState,
    String plan,
    String lastError) {

  static final String HEALTHY = "healthy";
  static final String DEGRADED = "degraded";
  static final String ERROR = "error";

  /** The report for a keeper's and its follower's status. */
  static HealthReport of(
      KeeperStatus keeper, FollowerStatus follower, long chainId, long latestBlock) {
    String status;
    if (keeper.problem().isPresent() || keeper.state() == KeeperState.STOPPED) {
      status = ERROR;
    } else if (keeper.state() == KeeperState.STARTING
        || follower.state() != FollowerState.FOLLOWING) {
      status = DEGRADED;
    } else {
      status = HEALTHY;
    }
    Optional<String> lastError =
        keeper
            .problem()
            .map(problem -> problem.message())
            .or(keeper::lastFailure)
            .or(follower::lastError);
    return new HealthReport(
        status,
        chainId,
        latestBlock,
        follower.lagBlocks(),
        keeper.state().name().toLowerCase(Locale.ROOT),
        keeper.roundId(),
        keeper.roundState().map(Enum::name).orElse(null),
        keeper.plan(),
        lastError.orElse(null));
  }

  /** Whether the HTTP answer is 200 (healthy, degraded) rather than 503 (error). */
  boolean serving() {
    return !ERROR.equals(status);
  }
}
