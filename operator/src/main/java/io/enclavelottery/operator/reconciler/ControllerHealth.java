package io.enclavelottery.operator.reconciler;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the controller's probes answer. Live: the process is worth keeping (it is starting or
 * running, its informers are healthy, it has not lost the lease). Ready: its informers are synced
 * and healthy; a standby replica is ready too, since it is warm and takes over as soon as the lease
 * is free.
 *
 * @param state where the controller is in its life
 * @param role its part in the leader election
 * @param identity its name in the lease, when leader election is on
 * @param leader the replica holding the lease, when known
 * @param problems what is wrong, in words; empty when nothing is
 */
public record ControllerHealth(
    State state,
    Role role,
    Optional<String> identity,
    Optional<String> leader,
    List<String> problems) {

  public ControllerHealth {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(leader, "leader");
    problems = List.copyOf(problems);
  }

  /** Where the controller is in its life. */
  public enum State {
    /** Informers are listing and watching; nothing is reconciled yet. */
    STARTING,
    /** Informers are synced; the leader (or the single replica) reconciles. */
    RUNNING,
    /** Stopped: closed, failed to start, or the lease was lost. */
    STOPPED
  }

  /** The replica's part in the leader election. */
  public enum Role {
    /** No leader election: this replica acts alone. */
    SINGLE,
    /** Leader election is on and no leader is known yet. */
    CANDIDATE,
    /** Holds the lease: reconciles and sends transactions. */
    LEADER,
    /** Another replica holds the lease: informers warm, nothing reconciled or sent. */
    STANDBY,
    /** Held the lease and lost it: stopped acting for good; the process must restart. */
    DEPOSED
  }

  /** Whether the liveness probe passes. */
  public boolean live() {
    return state != State.STOPPED && problems.isEmpty();
  }

  /** Whether the readiness probe passes. */
  public boolean ready() {
    return state == State.RUNNING && problems.isEmpty();
  }
}
