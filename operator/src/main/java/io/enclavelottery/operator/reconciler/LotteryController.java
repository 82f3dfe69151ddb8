package io.enclavelottery.operator.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Objects;

/**
 * The Kubernetes controller wired by hand: JOSDK's {@link Operator} on the given client with the
 * LotteryRound reconciler registered, and the keepers it runs. Status and resources are patched
 * without server-side apply (fabric8's mock API server does not implement it). Leader election is
 * not configured yet: run one replica.
 */
public final class LotteryController implements AutoCloseable {

  private final Operator operator;
  private final RoundKeepers keepers;

  private LotteryController(Operator operator, RoundKeepers keepers) {
    this.operator = operator;
    this.keepers = keepers;
  }

  /** Builds the controller; {@link #start()} starts it. */
  public static LotteryController create(KubernetesClient client, MeterRegistry registry) {
    Objects.requireNonNull(client, "client");
    Clock clock = Clock.systemUTC();
    RoundKeepers keepers = new RoundKeepers(registry);
    Operator operator =
        new Operator(
            override ->
                override
                    .withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false));
    operator.register(
        new LotteryRoundReconciler(
            new SpecValidator(),
            new SecretKeyReader(client),
            keepers,
            new StatusRecorder(clock),
            new EventRecorder(client, clock)));
    return new LotteryController(operator, keepers);
  }

  /** Starts watching LotteryRounds. */
  public void start() {
    operator.start();
  }

  /** Stops watching and stops every keeper (the client stays open). */
  @Override
  public void close() {
    try {
      operator.stop();
    } finally {
      keepers.close();
    }
  }
}
