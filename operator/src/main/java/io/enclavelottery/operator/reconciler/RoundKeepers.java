package io.enclavelottery.operator.reconciler;

import io.enclavelottery.operator.keeper.KeptContract;
import io.enclavelottery.operator.keeper.SharedChains;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running keepers, one per LotteryRound (by namespace and name): started when a LotteryRound
 * can run, replaced when what it is built from changes, closed when it can no longer run or is
 * deleted. They share one connection and follower per chain ({@link SharedChains}), which also
 * feeds each contract's logs to the reconciler ({@link #contractEvents()}).
 */
public final class RoundKeepers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RoundKeepers.class);

  private final SharedChains chains;
  private final ContractEventSource contractEvents = new ContractEventSource();
  private final Map<ResourceID, Kept> kept = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** A running keeper, what it was built from, and its reporter. */
  record Kept(KeeperTarget target, KeptContract keeper, KeeperReporter reporter) {}

  public RoundKeepers(MeterRegistry registry) {
    this.chains = new SharedChains(Objects.requireNonNull(registry, "registry"));
  }

  /** The event source that reconciles a LotteryRound when its contract emits a log. */
  ContractEventSource contractEvents() {
    return contractEvents;
  }

  /** How many chains the keepers follow now (one connection each). */
  int chainCount() {
    return chains.chainCount();
  }

  /**
   * The keeper of {@code id}, started for {@code target} (or restarted when its target changed).
   */
  Kept ensure(ResourceID id, KeeperTarget target, Supplier<KeeperReporter> reporter) {
    // a replica that lost the lease closes its keepers while a reconcile may still run
    if (closed) {
      throw stopping();
    }
    Kept ensured =
        kept.compute(
            id,
            (resource, current) -> {
              if (current != null && current.target().equals(target)) {
                return current;
              }
              if (current != null) {
                LOG.info("{}: the chain, contract or signer changed; restarting its keeper", id);
                current.keeper().close();
              }
              KeeperReporter listener = reporter.get();
              return new Kept(
                  target,
                  chains.keep(target.settings(), listener, contractEvents.logsOf(resource)),
                  listener);
            });
    if (closed) {
      stop(id); // closed while this one started: close() may not have seen it
      throw stopping();
    }
    return ensured;
  }

  /** The keeper of {@code id}, if one runs. */
  Optional<Kept> get(ResourceID id) {
    return Optional.ofNullable(kept.get(id));
  }

  /** Stops the keeper of {@code id}, if one runs. */
  void stop(ResourceID id) {
    Kept removed = kept.remove(id);
    if (removed != null) {
      LOG.info("{}: keeper stopped", id);
      removed.keeper().close();
    }
  }

  /** Stops every keeper; none starts after. */
  @Override
  public void close() {
    closed = true;
    kept.keySet().forEach(this::stop);
    chains.close();
  }

  private static IllegalStateException stopping() {
    return new IllegalStateException("the controller is stopping: no keeper starts");
  }
}
