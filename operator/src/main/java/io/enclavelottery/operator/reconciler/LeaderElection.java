package io.enclavelottery.operator.reconciler;

import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import java.time.Duration;
import java.util.Objects;

/**
 * Leader election among the controller's replicas through one {@code coordination.k8s.io} Lease, so
 * that only one replica reconciles and sends transactions. A leader that cannot renew within {@code
 * renewDeadline} stops acting; another replica takes the lease once {@code leaseDuration} has
 * passed since the last renewal, so the difference is the time the old leader has to stop.
 *
 * @param leaseName the Lease's name
 * @param namespace the Lease's namespace
 * @param identity this replica's name in the Lease (the pod's name), unique among replicas
 * @param leaseDuration how long a lease holds without renewal
 * @param renewDeadline how long the leader keeps trying to renew before it gives up leading
 * @param retryPeriod how often replicas try to take or renew the lease
 */
public record LeaderElection(
    String leaseName,
    String namespace,
    String identity,
    Duration leaseDuration,
    Duration renewDeadline,
    Duration retryPeriod) {

  /** fabric8's elector waits up to this factor of the retry period more, at random. */
  private static final double JITTER_FACTOR = 1.2;

  public LeaderElection {
    requireText(leaseName, "leaseName");
    requireText(namespace, "namespace");
    requireText(identity, "identity");
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    Objects.requireNonNull(renewDeadline, "renewDeadline");
    Objects.requireNonNull(retryPeriod, "retryPeriod");
    if (retryPeriod.isNegative() || retryPeriod.isZero()) {
      throw new IllegalArgumentException("the lease's retry period must be positive");
    }
    if (renewDeadline.toMillis() <= retryPeriod.toMillis() * JITTER_FACTOR) {
      throw new IllegalArgumentException(
          "the lease's renew deadline ("
              + renewDeadline
              + ") must exceed 1.2 times its retry period ("
              + retryPeriod
              + ")");
    }
    if (leaseDuration.compareTo(renewDeadline) <= 0) {
      throw new IllegalArgumentException(
          "the lease's duration ("
              + leaseDuration
              + ") must exceed its renew deadline ("
              + renewDeadline
              + "), or two replicas could lead at once");
    }
  }

  /** JOSDK's default timings: a 15-second lease, renewed within 10 seconds, tried every 2. */
  public static LeaderElection of(String leaseName, String namespace, String identity) {
    return new LeaderElection(
        leaseName,
        namespace,
        identity,
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE);
  }

  /** The same lease with other timings (tests shorten them). */
  public LeaderElection withTimings(
      Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
    return new LeaderElection(
        leaseName, namespace, identity, leaseDuration, renewDeadline, retryPeriod);
  }

  /** The Lease as {@code namespace/name}. */
  public String lease() {
    return namespace + "/" + leaseName;
  }

  /**
   * JOSDK's configuration. It never exits the JVM on a lost lease: {@link LotteryController} stops
   * its keepers itself, first, and lets the process decide how to end.
   */
  LeaderElectionConfiguration configuration(LeaderCallbacks callbacks) {
    return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(leaseName)
        .withLeaseNamespace(namespace)
        .withIdentity(identity)
        .withLeaseDuration(leaseDuration)
        .withRenewDeadline(renewDeadline)
        .withRetryPeriod(retryPeriod)
        .withLeaderCallbacks(callbacks)
        .withExitOnStopLeading(false)
        .build();
  }

  private static void requireText(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("the lease's " + name + " must not be blank");
    }
  }
}
