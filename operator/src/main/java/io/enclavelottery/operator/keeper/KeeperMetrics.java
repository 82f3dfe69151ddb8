package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.operator.decision.Action;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleSupplier;

/**
 * One keeper's meters, tagged with its contract: decisions and transactions by action and outcome,
 * the age of its pending transaction, the operator's balance and bond, and how long after the draw
 * window opened each draw was mined. In Prometheus: {@code lottery_keeper_decisions_total}, {@code
 * lottery_keeper_transactions_total}, {@code lottery_keeper_pending_transaction_age_seconds},
 * {@code lottery_operator_balance_ether}, {@code lottery_operator_bond_ether}, {@code
 * lottery_draw_latency_seconds}.
 */
public final class KeeperMetrics {

  private static final BigDecimal WEI_PER_ETHER = BigDecimal.TEN.pow(18);

  private final MeterRegistry registry;
  private final Tags tags;
  private final AtomicReference<Double> balanceEther = new AtomicReference<>(Double.NaN);
  private final AtomicReference<Double> bondEther = new AtomicReference<>(Double.NaN);
  private final DistributionSummary drawLatency;
  private final List<Meter> gauges;

  /**
   * @param registry where the meters go
   * @param contract the lottery's address, the {@code contract} tag of every meter
   * @param pendingAgeSeconds how long the keeper's oldest unsettled transaction has waited, 0 when
   *     none; read at each scrape
   */
  public KeeperMetrics(MeterRegistry registry, String contract, DoubleSupplier pendingAgeSeconds) {
    this.registry = Objects.requireNonNull(registry, "registry");
    this.tags = Tags.of("contract", Objects.requireNonNull(contract, "contract"));
    Objects.requireNonNull(pendingAgeSeconds, "pendingAgeSeconds");
    gauges =
        List.of(
            Gauge.builder("lottery.keeper.pending.transaction.age", pendingAgeSeconds::getAsDouble)
                .description(
                    "How long the oldest transaction the keeper sent has waited for its outcome")
                .baseUnit("seconds")
                .tags(tags)
                .register(registry),
            Gauge.builder("lottery.operator.balance", balanceEther, AtomicReference::get)
                .description("The operator account's balance")
                .baseUnit("ether")
                .tags(tags)
                .register(registry),
            Gauge.builder("lottery.operator.bond", bondEther, AtomicReference::get)
                .description("The operator's bond held by the contract")
                .baseUnit("ether")
                .tags(tags)
                .register(registry));
    drawLatency =
        DistributionSummary.builder("lottery.draw.latency")
            .description("From the draw window opening (minDrawTime) to the block holding the draw")
            .baseUnit("seconds")
            .tags(tags)
            .register(registry);
  }

  /** One decision was made. */
  public void decided(Action action) {
    Counter.builder("lottery.keeper.decisions")
        .description("Decisions of the keeper, by the action chosen")
        .tags(tags)
        .tag("action", action.function())
        .register(registry)
        .increment();
  }

  /** A transaction for {@code action} ended with {@code result}. */
  public void sent(Action action, SendResult result) {
    Counter.builder("lottery.keeper.transactions")
        .description("Transactions of the keeper, by action and outcome")
        .tags(tags)
        .tag("action", action.function())
        .tag("outcome", outcome(result))
        .register(registry)
        .increment();
  }

  /** The operator account's and bond's latest amounts, in wei. */
  public void funds(BigInteger balanceWei, BigInteger bondWei) {
    balanceEther.set(ether(balanceWei));
    bondEther.set(ether(bondWei));
  }

  /** A draw was mined this long after its window opened. */
  public void drawn(Duration afterWindowOpened) {
    drawLatency.record(afterWindowOpened.toMillis() / 1000.0);
  }

  /**
   * Removes this keeper's gauges, which read its own state: a keeper started after it for the same
   * contract registers its own (the registry would otherwise keep handing back these). Counters and
   * the draw latency go on adding up across keepers.
   */
  public void close() {
    gauges.forEach(registry::remove);
  }

  /** The outcome tag of a result: its kind in snake case ({@code mined}, {@code would_revert}). */
  static String outcome(SendResult result) {
    return result
        .getClass()
        .getSimpleName()
        .replaceAll("([a-z])([A-Z])", "$1_$2")
        .toLowerCase(Locale.ROOT);
  }

  private static double ether(BigInteger wei) {
    return new BigDecimal(wei).divide(WEI_PER_ETHER).doubleValue();
  }
}
