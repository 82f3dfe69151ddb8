package io.enclavelottery.operator.reconciler;

import io.enclavelottery.operator.reconciler.ControllerHealth.Role;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This replica's part in the leader election, kept from fabric8's elector callbacks: whether it
 * leads, who does, and whether it lost the lease. JOSDK only logs a lost lease when told not to
 * exit the JVM, and its event processing goes on; so losing it runs {@code onLost}, once, on the
 * elector's thread, before JOSDK hears of it.
 */
final class Leadership {

  private static final Logger LOG = LoggerFactory.getLogger(Leadership.class);

  private final Optional<LeaderElection> election;
  private final Runnable onLost;
  private final AtomicReference<Role> role;
  private final AtomicReference<String> leader = new AtomicReference<>();

  Leadership(Optional<LeaderElection> election, Runnable onLost) {
    this.election = Objects.requireNonNull(election, "election");
    this.onLost = Objects.requireNonNull(onLost, "onLost");
    this.role = new AtomicReference<>(election.isPresent() ? Role.CANDIDATE : Role.SINGLE);
  }

  /** The callbacks to hand to the elector. */
  LeaderCallbacks callbacks() {
    return new LeaderCallbacks(this::startedLeading, this::stoppedLeading, this::newLeader);
  }

  Role role() {
    return role.get();
  }

  Optional<String> identity() {
    return election.map(LeaderElection::identity);
  }

  Optional<String> leader() {
    return Optional.ofNullable(leader.get());
  }

  /** Why this replica stopped, once it lost the lease. */
  Optional<String> lostLease() {
    if (role.get() != Role.DEPOSED) {
      return Optional.empty();
    }
    LeaderElection lease = election.orElseThrow();
    return Optional.of(
        "lost the lease "
            + lease.lease()
            + leader()
                .filter(holder -> !holder.equals(lease.identity()))
                .map(" to "::concat)
                .orElse("")
            + "; this replica stopped acting and must be restarted");
  }

  private void startedLeading() {
    role.set(Role.LEADER);
    LOG.info("{} holds the lease {}: reconciling", identityText(), leaseText());
  }

  private void stoppedLeading() {
    if (role.compareAndSet(Role.LEADER, Role.DEPOSED)) {
      onLost.run();
    }
  }

  private void newLeader(String identity) {
    leader.set(identity);
    if (identity != null && !identity.equals(identityText())) {
      role.compareAndSet(Role.CANDIDATE, Role.STANDBY);
      LOG.info("{} holds the lease {}: {} stands by", identity, leaseText(), identityText());
    }
  }

  private String identityText() {
    return identity().orElse("");
  }

  private String leaseText() {
    return election.map(LeaderElection::lease).orElse("");
  }
}
