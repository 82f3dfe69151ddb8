package io.enclavelottery.operator.reconciler;

import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.operator.keeper.StandaloneKeeper;
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
 * deleted.
 */
public final class RoundKeepers implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RoundKeepers.class);

  private final MeterRegistry registry;
  private final Map<ResourceID, Kept> kept = new ConcurrentHashMap<>();

  /** A running keeper, what it was built from, and its reporter. */
  record Kept(KeeperTarget target, StandaloneKeeper keeper, KeeperReporter reporter) {}

  public RoundKeepers(MeterRegistry registry) {
    this.registry = Objects.requireNonNull(registry, "registry");
  }

  /**
   * The keeper of {@code id}, started for {@code target} (or restarted when its target changed).
   */
  Kept ensure(
      ResourceID id, KeeperTarget target, SigningKey key, Supplier<KeeperReporter> reporter) {
    return kept.compute(
        id,
        (resource, current) -> {
          if (current != null && current.target().equals(target)) {
            return current;
          }
          if (current != null) {
            LOG.info("{}: the chain, contract or key changed; restarting its keeper", id);
            current.keeper().close();
          }
          KeeperReporter listener = reporter.get();
          return new Kept(
              target, StandaloneKeeper.start(target.settings(key), registry, listener), listener);
        });
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

  /** Stops every keeper. */
  @Override
  public void close() {
    kept.keySet().forEach(this::stop);
  }
}
