package io.enclavelottery.frontend;

import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.contract.Participant;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.events.LotteryEventLog;
import io.enclavelottery.chain.events.RoundEvent;
import io.enclavelottery.chain.follower.FollowerState;
import io.enclavelottery.chain.follower.FollowerStatus;
import io.enclavelottery.chain.verify.DrawVerifier;
import io.enclavelottery.frontend.http.ChainReadPool;
import io.enclavelottery.frontend.http.FrontendRoutes;
import io.enclavelottery.frontend.http.HealthCheck;
import io.enclavelottery.frontend.http.HttpSettings;
import io.enclavelottery.frontend.http.RateLimiter;
import io.enclavelottery.frontend.view.ConfigSnapshot;
import io.enclavelottery.frontend.view.LotteryView;
import io.enclavelottery.frontend.view.ParticipantsSnapshot;
import io.enclavelottery.frontend.view.RoundSnapshot;
import io.enclavelottery.frontend.view.SyncStatus;
import io.enclavelottery.frontend.view.ViewLimits;
import io.enclavelottery.frontend.view.ViewSnapshot;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.undertow.Undertow;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real routes on a real Undertow listener on 127.0.0.1, over a view the test publishes to and
 * an in-memory contract: for the HTTP side's tests, without a chain.
 */
final class RoutesHarness implements AutoCloseable {

  static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  static final String PLAYER = "0x90f79bf6eb2c4f870365e785982e1f101e93b906";

  final LotteryView view = new LotteryView(31337, CONTRACT);
  final InMemoryLotteryContract contract = new InMemoryLotteryContract(CONTRACT);
  final AtomicReference<FollowerStatus> follower =
      new AtomicReference<>(
          new FollowerStatus(FollowerState.FOLLOWING, 10, 10, Optional.empty(), 1, 0));
  final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final ChainReadPool reads = new ChainReadPool(2, 4, Duration.ofSeconds(5));
  private final Undertow undertow;
  final HttpProbe http;
  final int port;

  RoutesHarness(HttpSettings settings) {
    Optional<RateLimiter> rate =
        settings
            .rateLimit()
            .map(
                limit ->
                    new RateLimiter(limit.perSecond(), limit.burst(), 1_000, System::nanoTime));
    LotteryEventLog noEvents =
        new LotteryEventLog() {
          @Override
          public List<RoundEvent> roundEvents(long roundId, long fromBlock, long toBlock) {
            return List.of();
          }

          @Override
          public long latestBlock() {
            return 10;
          }
        };
    FrontendRoutes routes =
        new FrontendRoutes(
            new FrontendRoutes.Sources(
                view,
                ViewLimits.defaults(),
                contract,
                new DrawVerifier(contract, noEvents, 0),
                new HealthCheck(view, follower::get, 10, "test"),
                registry,
                Optional.empty(),
                reads),
            settings,
            rate);
    undertow = FrontendServer.listener(routes.handler(), "127.0.0.1", 0, settings);
    undertow.start();
    port = FrontendServer.port(undertow);
    http = new HttpProbe(port);
  }

  /** Publishes a ready view at block 10: round 1 betting with one player who bet 1,000 wei. */
  void publishReadyView() {
    Round round =
        new Round(
            1,
            Instant.ofEpochSecond(1_000),
            Instant.ofEpochSecond(1_300),
            Instant.ofEpochSecond(1_310),
            Instant.ofEpochSecond(1_900),
            BigInteger.valueOf(1_000),
            1,
            Round.NO_ADDRESS,
            BigInteger.ZERO,
            BigInteger.ZERO,
            RoundState.BETTING,
            RoundSnapshot.NONE.round().seedCommitment(),
            RoundSnapshot.NONE.round().revealedSeed(),
            1,
            Duration.ZERO,
            BigInteger.ZERO);
    contract.putRound(round).setBlockNumber(10);
    ViewSnapshot empty = view.snapshot();
    view.publish(
        new ViewSnapshot(
            new SyncStatus(31337, CONTRACT, 10, 10, true),
            Optional.of(
                new ConfigSnapshot(
                    CONTRACT, 31337, InMemoryLotteryContract.defaultSettings(PLAYER), 10)),
            new RoundSnapshot(round, 9),
            new ParticipantsSnapshot(
                1,
                BigInteger.valueOf(1_000),
                List.of(new Participant(PLAYER, BigInteger.valueOf(1_000))),
                9),
            empty.history(),
            empty.activities(),
            empty.refunds()),
        List.of());
  }

  @Override
  public void close() {
    undertow.stop();
    reads.close();
  }
}
