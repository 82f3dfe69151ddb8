package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.operator.reconciler.ControllerHealth.Role;
import io.enclavelottery.operator.reconciler.ControllerHealth.State;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the probes make of the controller's state, role and problems. */
class ControllerHealthTest {

  @Test
  void startingIsLiveButNotReady() {
    ControllerHealth health = health(State.STARTING, Role.CANDIDATE, List.of());

    assertThat(health.live()).isTrue();
    assertThat(health.ready()).isFalse();
  }

  @Test
  void aRunningLeaderAndAWarmStandbyAreBothReady() {
    assertThat(health(State.RUNNING, Role.LEADER, List.of()).ready()).isTrue();
    assertThat(health(State.RUNNING, Role.STANDBY, List.of()).ready()).isTrue();
    assertThat(health(State.RUNNING, Role.SINGLE, List.of()).live()).isTrue();
  }

  @Test
  void anUnhealthyInformerFailsBothProbes() {
    ControllerHealth health =
        health(
            State.RUNNING,
            Role.LEADER,
            List.of("event source LotteryRound of lotteryround is UNHEALTHY"));

    assertThat(health.live()).isFalse();
    assertThat(health.ready()).isFalse();
  }

  @Test
  void aStoppedControllerFailsBothProbes() {
    ControllerHealth health = health(State.STOPPED, Role.DEPOSED, List.of());

    assertThat(health.live()).isFalse();
    assertThat(health.ready()).isFalse();
  }

  private static ControllerHealth health(State state, Role role, List<String> problems) {
    return new ControllerHealth(state, role, Optional.of("me"), Optional.empty(), problems);
  }
}
