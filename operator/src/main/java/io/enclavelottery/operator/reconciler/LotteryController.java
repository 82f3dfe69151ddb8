package io.enclavelottery.operator.reconciler;

import io.enclavelottery.operator.reconciler.ControllerHealth.State;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kubernetes controller wired by hand: JOSDK's {@link Operator} on the given client with the
 * LotteryRound reconciler registered, the keepers it runs, JOSDK's reconcile meters ({@code
 * operator.sdk.*}) in the given registry beside the keepers' ({@code lottery.*}), and, when asked
 * for, leader election. Only the leader reconciles, so only its keepers send; a standby replica
 * keeps its informers warm. A leader that loses the lease closes its keepers at once and stops
 * (JOSDK itself would go on processing events); {@link #leadershipLost()} tells the process, which
 * should exit so that it restarts as a standby.
 */
public final class LotteryController implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LotteryController.class);

  private final Operator operator;
  private final RoundKeepers keepers;
  private final Leadership leadership;
  private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
  private final CompletableFuture<Void> leadershipLost = new CompletableFuture<>();

  private LotteryController(
      KubernetesClient client, MeterRegistry registry, ControllerOptions options) {
    Clock clock = Clock.systemUTC();
    if (options.trustSoftwareNsm()) {
      LOG.warn("NOT SECURE: enclave signers on the software NSM are trusted; for development only");
    }
    this.keepers = new RoundKeepers(registry);
    this.leadership = new Leadership(options.leaderElection(), this::stopActing);
    this.operator =
        new Operator(
            override -> {
              override
                  .withKubernetesClient(client)
                  .withCloseClientOnStop(false)
                  .withUseSSAToPatchPrimaryResource(options.serverSideApply())
                  .withSSABasedCreateUpdateMatchForDependentResources(options.serverSideApply())
                  .withMetrics(MicrometerMetrics.withoutPerResourceMetrics(registry));
              options
                  .leaderElection()
                  .ifPresent(
                      election ->
                          override.withLeaderElectionConfiguration(
                              election.configuration(leadership.callbacks())));
            });
    LotteryRoundReconciler reconciler =
        new LotteryRoundReconciler(
            new SpecValidator(),
            new SignerSetup(
                new SecretKeyReader(client), options.signerEndpoints(), options.trustSoftwareNsm()),
            keepers,
            new StatusRecorder(clock),
            new EventRecorder(client, clock));
    if (options.namespaces().isEmpty()) {
      operator.register(reconciler);
    } else {
      operator.register(reconciler, config -> config.settingNamespaces(options.namespaces()));
    }
  }

  /** Builds the controller; {@link #start()} starts it. */
  public static LotteryController create(
      KubernetesClient client, MeterRegistry registry, ControllerOptions options) {
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(options, "options");
    return new LotteryController(client, registry, options);
  }

  /**
   * Starts the informers and waits until they are synced, then reconciles (at once, or once this
   * replica holds the lease).
   *
   * @throws io.javaoperatorsdk.operator.OperatorException when the informers cannot start (the API
   *     server is unreachable, the CRD is not installed, RBAC refuses) or the lease cannot be used
   */
  public void start() {
    try {
      operator.start();
    } catch (RuntimeException e) {
      state.set(State.STOPPED);
      throw e;
    }
    state.compareAndSet(State.STARTING, State.RUNNING);
  }

  /** What the liveness and readiness probes answer. */
  public ControllerHealth health() {
    State now = state.get();
    List<String> problems = new ArrayList<>();
    if (now == State.RUNNING) {
      operator
          .getRuntimeInfo()
          .unhealthyEventSources()
          .forEach(
              (controller, sources) ->
                  sources.forEach(
                      (source, indicator) ->
                          problems.add(
                              "event source "
                                  + source
                                  + " of "
                                  + controller
                                  + " is "
                                  + indicator.getStatus())));
    }
    leadership.lostLease().ifPresent(problems::add);
    return new ControllerHealth(
        now, leadership.role(), leadership.identity(), leadership.leader(), problems);
  }

  /** Completes once this replica lost the lease and stopped acting. */
  public CompletionStage<Void> leadershipLost() {
    return leadershipLost.minimalCompletionStage();
  }

  /** Stops watching and stops every keeper (the client stays open). */
  @Override
  public void close() {
    if (state.getAndSet(State.STOPPED) != State.STOPPED) {
      stop();
    }
  }

  /**
   * The lease is lost: close the keepers now, on the elector's thread, so nothing more is sent
   * (closed, they start no other for a reconcile still running); then stop JOSDK on a thread of its
   * own, since stopping shuts down the elector's executor. The other replica can take the lease
   * only after the lease duration, which leaves this the rest of it (duration minus renew
   * deadline).
   */
  private void stopActing() {
    if (state.getAndSet(State.STOPPED) == State.STOPPED) {
      return; // closing: the elector reports our own stop as a lost lease
    }
    LOG.warn("{}: stopping every keeper and the controller", leadership.lostLease().orElseThrow());
    keepers.close();
    Thread stopping =
        new Thread(
            () -> {
              try {
                stop();
              } finally {
                leadershipLost.complete(null);
              }
            },
            "lottery-controller-deposed");
    stopping.start();
  }

  private void stop() {
    try {
      operator.stop();
    } catch (RuntimeException e) {
      LOG.warn("stopping the controller: {}", e.getMessage());
    } finally {
      keepers.close();
    }
  }
}
