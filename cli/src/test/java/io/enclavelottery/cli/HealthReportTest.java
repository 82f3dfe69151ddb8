package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.follower.FollowerState;
import io.enclavelottery.chain.follower.FollowerStatus;
import io.enclavelottery.operator.keeper.KeeperState;
import io.enclavelottery.operator.keeper.KeeperStatus;
import io.enclavelottery.operator.keeper.Problem;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the keeper's and the follower's statuses become healthy, degraded or error. */
class HealthReportTest {

  private static final FollowerStatus FOLLOWING =
      new FollowerStatus(FollowerState.FOLLOWING, 120, 120, Optional.empty(), 0, 0);

  private static KeeperStatus running(Optional<String> lastFailure) {
    return new KeeperStatus(
        KeeperState.RUNNING,
        Optional.empty(),
        4,
        Optional.of(RoundState.BETTING),
        "waiting for players",
        "",
        Optional.empty(),
        0,
        lastFailure,
        Optional.empty(),
        List.of());
  }

  @Test
  void aRunningKeeperOnAFollowedChainIsHealthy() {
    HealthReport report = HealthReport.of(running(Optional.empty()), FOLLOWING, 31337, 121);

    assertThat(report)
        .isEqualTo(
            new HealthReport(
                "healthy", 31337, 121, 0, "running", 4, "BETTING", "waiting for players", null));
    assertThat(report.serving()).isTrue();
  }

  @Test
  void aFollowerCutOffDegradesAndSaysWhy() {
    FollowerStatus cutOff =
        new FollowerStatus(
            FollowerState.DISCONNECTED, 120, 110, Optional.of("connection refused"), 0, 0);

    HealthReport report = HealthReport.of(running(Optional.empty()), cutOff, 31337, 121);

    assertThat(report.status()).isEqualTo("degraded");
    assertThat(report.lagBlocks()).isEqualTo(10);
    assertThat(report.lastError()).isEqualTo("connection refused");
    assertThat(report.serving()).isTrue();
  }

  @Test
  void aKeeperThatCannotActIsAnErrorWithItsReason() {
    Problem problem =
        new Problem(Problem.Kind.CHAIN_ID_MISMATCH, "the node is on chain 1, not on 31337");
    KeeperStatus blocked =
        new KeeperStatus(
            KeeperState.BLOCKED,
            Optional.of(problem),
            -1,
            Optional.empty(),
            problem.message(),
            "",
            Optional.empty(),
            0,
            Optional.empty(),
            Optional.empty(),
            List.of());

    HealthReport report = HealthReport.of(blocked, FOLLOWING, 31337, 121);

    assertThat(report.status()).isEqualTo("error");
    assertThat(report.lastError()).isEqualTo("the node is on chain 1, not on 31337");
    assertThat(report.serving()).isFalse();
  }

  @Test
  void aPastFailureIsShownWithoutDegrading() {
    HealthReport report =
        HealthReport.of(running(Optional.of("commitSeed would revert")), FOLLOWING, 31337, 121);

    assertThat(report.status()).isEqualTo("healthy");
    assertThat(report.lastError()).isEqualTo("commitSeed would revert");
  }
}
