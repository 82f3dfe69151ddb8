package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The lease's settings: JOSDK's defaults, timings that cannot let two replicas lead, no exit. */
class LeaderElectionTest {

  private final LeaderElection election = LeaderElection.of("lease", "lottery", "pod-0");

  @Test
  void takesJosdksTimingsAndNeverExitsTheJvm() {
    LeaderElectionConfiguration configuration =
        election.configuration(new LeaderCallbacks(() -> {}, () -> {}, leader -> {}));

    assertThat(configuration.getLeaseName()).isEqualTo("lease");
    assertThat(configuration.getLeaseNamespace()).hasValue("lottery");
    assertThat(configuration.getIdentity()).hasValue("pod-0");
    assertThat(configuration.getLeaseDuration()).isEqualTo(Duration.ofSeconds(15));
    assertThat(configuration.getRenewDeadline()).isEqualTo(Duration.ofSeconds(10));
    assertThat(configuration.getRetryPeriod()).isEqualTo(Duration.ofSeconds(2));
    assertThat(configuration.isExitOnStopLeading()).isFalse();
    assertThat(configuration.getLeaderCallbacks()).isPresent();
    assertThat(election.lease()).isEqualTo("lottery/lease");
  }

  @Test
  void aLeaseShorterThanItsRenewDeadlineIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                election.withTimings(
                    Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .withMessage(
            "the lease's duration (PT5S) must exceed its renew deadline (PT5S), or two replicas"
                + " could lead at once");
  }

  @Test
  void aRenewDeadlineWithinOneJitteredRetryIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                election.withTimings(
                    Duration.ofSeconds(15), Duration.ofMillis(1200), Duration.ofSeconds(1)))
        .withMessage(
            "the lease's renew deadline (PT1.2S) must exceed 1.2 times its retry period (PT1S)");
  }

  @Test
  void blankNamesAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LeaderElection.of("lease", " ", "pod-0"))
        .withMessage("the lease's namespace must not be blank");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> LeaderElection.of("lease", "lottery", ""))
        .withMessage("the lease's identity must not be blank");
  }
}
