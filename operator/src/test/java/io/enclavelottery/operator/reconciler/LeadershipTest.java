package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.operator.reconciler.ControllerHealth.Role;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The replica's role as fabric8's elector reports leaders, and the one call on a lost lease. */
class LeadershipTest {

  private final AtomicInteger lost = new AtomicInteger();
  private final Leadership leadership =
      new Leadership(
          Optional.of(LeaderElection.of("lease", "lottery", "me")), lost::incrementAndGet);
  private final LeaderCallbacks elector = leadership.callbacks();

  @Test
  void withoutElectionTheReplicaActsAlone() {
    Leadership single = new Leadership(Optional.empty(), lost::incrementAndGet);

    assertThat(single.role()).isEqualTo(Role.SINGLE);
    assertThat(single.identity()).isEmpty();
    assertThat(single.lostLease()).isEmpty();
  }

  @Test
  void aCandidateStandsByWhileAnotherReplicaLeads() {
    assertThat(leadership.role()).isEqualTo(Role.CANDIDATE);

    elector.onNewLeader("other");

    assertThat(leadership.role()).isEqualTo(Role.STANDBY);
    assertThat(leadership.leader()).hasValue("other");
    assertThat(leadership.identity()).hasValue("me");
  }

  @Test
  void aStandbyLeadsOnceItTakesTheLease() {
    elector.onNewLeader("other");
    elector.onNewLeader("me");
    elector.onStartLeading();

    assertThat(leadership.role()).isEqualTo(Role.LEADER);
    assertThat(leadership.leader()).hasValue("me");
    assertThat(lost).hasValue(0);
  }

  @Test
  void aLeaderThatLosesTheLeaseIsDeposedAndStopsOnce() {
    elector.onNewLeader("me");
    elector.onStartLeading();

    elector.onNewLeader("intruder");
    elector.onStopLeading();
    elector.onStopLeading();

    assertThat(leadership.role()).isEqualTo(Role.DEPOSED);
    assertThat(lost).hasValue(1);
    assertThat(leadership.lostLease())
        .hasValue(
            "lost the lease lottery/lease to intruder; this replica stopped acting and must be"
                + " restarted");
  }

  @Test
  void aCandidateThatNeverLedLosesNothing() {
    elector.onStopLeading();

    assertThat(leadership.role()).isEqualTo(Role.CANDIDATE);
    assertThat(lost).hasValue(0);
  }
}
