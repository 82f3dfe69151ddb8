package io.enclavelottery.operator.reconciler;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How the controller process runs. {@code lottery operator} uses server-side apply and leader
 * election; tests against fabric8's mock API server turn server-side apply off, since the mock does
 * not implement it.
 *
 * @param namespaces the namespaces whose LotteryRounds are watched; empty for all
 * @param serverSideApply whether status and child resources are written with server-side apply
 *     (else status is a JSON merge patch and children are created with POST and updated with PUT)
 * @param leaderElection the lease replicas compete for; empty when one replica runs alone
 */
public record ControllerOptions(
    Set<String> namespaces, boolean serverSideApply, Optional<LeaderElection> leaderElection) {

  public ControllerOptions {
    namespaces = Set.copyOf(namespaces);
    Objects.requireNonNull(leaderElection, "leaderElection");
  }

  /** All namespaces, server-side apply, no leader election. */
  public static ControllerOptions defaults() {
    return new ControllerOptions(Set.of(), true, Optional.empty());
  }

  public ControllerOptions withNamespaces(Set<String> namespaces) {
    return new ControllerOptions(namespaces, serverSideApply, leaderElection);
  }

  public ControllerOptions withServerSideApply(boolean serverSideApply) {
    return new ControllerOptions(namespaces, serverSideApply, leaderElection);
  }

  public ControllerOptions withLeaderElection(LeaderElection leaderElection) {
    return new ControllerOptions(namespaces, serverSideApply, Optional.of(leaderElection));
  }
}
