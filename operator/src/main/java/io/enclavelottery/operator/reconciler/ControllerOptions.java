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
 * @param trustSoftwareNsm accept enclave signers on the software NSM (development only, NOT
 *     SECURE): a setting of the controller, so that no LotteryRound can ask for it
 * @param signerEndpoints where the enclave signers are reached: their Services
 */
public record ControllerOptions(
    Set<String> namespaces,
    boolean serverSideApply,
    Optional<LeaderElection> leaderElection,
    boolean trustSoftwareNsm,
    SignerEndpoints signerEndpoints) {

  public ControllerOptions {
    namespaces = Set.copyOf(namespaces);
    Objects.requireNonNull(leaderElection, "leaderElection");
    Objects.requireNonNull(signerEndpoints, "signerEndpoints");
  }

  /**
   * All namespaces, server-side apply, no leader election, only Nitro attestations, signers through
   * their Services.
   */
  public static ControllerOptions defaults() {
    return new ControllerOptions(
        Set.of(), true, Optional.empty(), false, SignerEndpoints.services());
  }

  public ControllerOptions withNamespaces(Set<String> namespaces) {
    return new ControllerOptions(
        namespaces, serverSideApply, leaderElection, trustSoftwareNsm, signerEndpoints);
  }

  public ControllerOptions withServerSideApply(boolean serverSideApply) {
    return new ControllerOptions(
        namespaces, serverSideApply, leaderElection, trustSoftwareNsm, signerEndpoints);
  }

  public ControllerOptions withLeaderElection(LeaderElection leaderElection) {
    return new ControllerOptions(
        namespaces,
        serverSideApply,
        Optional.of(leaderElection),
        trustSoftwareNsm,
        signerEndpoints);
  }

  /** Trusts the software NSM's attestations: development only, NOT SECURE. */
  public ControllerOptions withTrustSoftwareNsm(boolean trustSoftwareNsm) {
    return new ControllerOptions(
        namespaces, serverSideApply, leaderElection, trustSoftwareNsm, signerEndpoints);
  }

  public ControllerOptions withSignerEndpoints(SignerEndpoints signerEndpoints) {
    return new ControllerOptions(
        namespaces, serverSideApply, leaderElection, trustSoftwareNsm, signerEndpoints);
  }
}
