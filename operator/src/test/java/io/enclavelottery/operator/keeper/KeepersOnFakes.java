package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.follower.BlockHeader;
import io.enclavelottery.chain.signer.LocalSeedDerivation;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.FeePolicy;
import io.enclavelottery.chain.tx.TransactionSender;
import io.enclavelottery.operator.decision.DecisionTiming;
import io.enclavelottery.operator.decision.DesiredSettings;
import io.enclavelottery.operator.decision.RoundPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Round keepers on fakes: an in-memory contract whose operator is {@link #OPERATOR}, a chain view
 * moved by hand from {@link #start}, the operator's local seeds, and keepers with short timings
 * that close with this, so the keeper's unit tests share one setting and differ only in the sender
 * and what they watch.
 */
final class KeepersOnFakes implements AutoCloseable {

  /** Anvil's second dev key: public test data. */
  static final String KEY_HEX = "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";

  static final SigningKey OPERATOR = SigningKey.fromHex(KEY_HEX);
  static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

  final Instant start = Instant.ofEpochSecond(1_800_000_000L);
  final InMemoryLotteryContract contract =
      new InMemoryLotteryContract(LOTTERY)
          .putSettings(InMemoryLotteryContract.defaultSettings(OPERATOR.address()));
  final FakeChainView chain = new FakeChainView(start);
  final LocalSeedSource seeds =
      new LocalSeedSource(new LocalSeedDerivation(OPERATOR), 31337, LOTTERY);
  private final List<RoundKeeper> keepers = new ArrayList<>();

  /** A started keeper of {@link #contract} that sends through {@code sender}. */
  RoundKeeper start(TransactionSender sender, KeeperListener listener, MeterRegistry registry) {
    RoundPolicy policy =
        new RoundPolicy(
            false,
            false,
            false,
            DesiredSettings.keepOnChain(),
            DecisionTiming.forBlockTime(Duration.ofSeconds(1)));
    RoundKeeper keeper =
        new RoundKeeper(
            contract,
            sender,
            seeds,
            chain,
            ChainClock.system(),
            () -> policy,
            new KeeperConfig(
                31337,
                FeePolicy.defaults(),
                250_000,
                Duration.ofMillis(100),
                Duration.ofMillis(400),
                Duration.ofMillis(20)),
            listener,
            registry);
    keepers.add(keeper);
    keeper.start();
    return keeper;
  }

  /** The chain view's latest block as a new head. */
  BlockHeader head() {
    return new BlockHeader(
        chain.number(),
        "0x" + "01".repeat(32),
        "0x" + "02".repeat(32),
        chain.time().getEpochSecond());
  }

  /** Round {@code id} taking bets until {@code end}, with {@code players} bets of a million wei. */
  Round betting(long id, Instant end, long players, Hex32 commitment) {
    LotterySettings settings = contract.settings();
    return new Round(
        id,
        end.minus(settings.bettingDuration()),
        end,
        end.plus(settings.minDrawDelayAfterEnd()),
        end.plus(settings.maxDrawDelayAfterEnd()),
        BigInteger.valueOf(1_000_000L * players),
        players,
        Round.NO_ADDRESS,
        BigInteger.ZERO,
        BigInteger.ZERO,
        RoundState.BETTING,
        commitment,
        Hex32.ZERO,
        players,
        Duration.ZERO,
        BigInteger.ZERO);
  }

  @Override
  public void close() {
    keepers.forEach(RoundKeeper::close);
  }
}
