package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.follower.BlockHeader;
import io.enclavelottery.chain.signer.LocalSeedDerivation;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.FeePolicy;
import io.enclavelottery.chain.tx.Precondition;
import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.chain.tx.SentTransaction;
import io.enclavelottery.chain.tx.SignerBuiltCall;
import io.enclavelottery.chain.tx.TransactionSender;
import io.enclavelottery.operator.decision.DecisionTiming;
import io.enclavelottery.operator.decision.DesiredSettings;
import io.enclavelottery.operator.decision.RoundPolicy;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the keeper reports while its thread waits inside a send: the transaction in flight, taken
 * from the sender on each head, and the chain as its last look read it.
 */
class RoundKeeperInFlightTest {

  /** Anvil's second dev key: public test data. */
  private static final SigningKey OPERATOR =
      SigningKey.fromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  private static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  private final Instant start = Instant.ofEpochSecond(1_800_000_000L);
  private final InMemoryLotteryContract contract = new InMemoryLotteryContract(LOTTERY);
  private final FakeChainView chain = new FakeChainView(start);
  private final WaitingSender sender = new WaitingSender();
  private RoundKeeper keeper;

  @AfterEach
  void stop() {
    sender.release.countDown();
    keeper.close();
  }

  @Test
  void aTransactionWaitingForItsReceiptIsReportedOnTheNextHead() {
    contract.putSettings(InMemoryLotteryContract.defaultSettings(OPERATOR.address()));
    contract.putRound(betting(2));
    keeper = started();

    await().atMost(PATIENCE).until(() -> sender.sending.getCount() == 0);
    assertThat(keeper.status().inFlight()).isEmpty();
    ChainReading read = keeper.status().chain().orElseThrow();
    assertThat(read.round().participantCount()).isEqualTo(2);
    assertThat(read.operatorBalance()).isEqualTo(chain.balance(OPERATOR.address()));

    chain.mine(1);
    keeper.onHead(head());

    assertThat(keeper.status().inFlight())
        .singleElement()
        .satisfies(tx -> assertThat(tx.function()).isEqualTo("commitSeed"));
  }

  private RoundKeeper started() {
    RoundPolicy policy =
        new RoundPolicy(
            false,
            false,
            false,
            DesiredSettings.keepOnChain(),
            DecisionTiming.forBlockTime(Duration.ofSeconds(1)));
    RoundKeeper started =
        new RoundKeeper(
            contract,
            sender,
            new LocalSeedSource(new LocalSeedDerivation(OPERATOR), 31337, LOTTERY),
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
            KeeperListener.none(),
            new SimpleMeterRegistry());
    started.start();
    return started;
  }

  private BlockHeader head() {
    return new BlockHeader(
        chain.number(),
        "0x" + "01".repeat(32),
        "0x" + "02".repeat(32),
        chain.time().getEpochSecond());
  }

  private Round betting(long players) {
    LotterySettings settings = contract.settings();
    Instant end = start.plusSeconds(300);
    return new Round(
        1,
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
        Hex32.ZERO,
        Hex32.ZERO,
        players,
        Duration.ZERO,
        BigInteger.ZERO);
  }

  /** Sends into a pool that mines nothing: the send waits until released, listed as pending. */
  private static final class WaitingSender implements TransactionSender {
    final CountDownLatch sending = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    private volatile List<SentTransaction> pending = List.of();

    @Override
    public String address() {
      return OPERATOR.address();
    }

    @Override
    public SendResult send(ContractCall call, Precondition precondition) {
      SentTransaction sent = FakeTransactionSender.transaction(call);
      pending = List.of(sent);
      sending.countDown();
      try {
        release.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new SendResult.StillPending(sent, "interrupted while waiting");
    }

    @Override
    public SendResult send(SignerBuiltCall call, Precondition precondition) {
      throw new UnsupportedOperationException("a local signer's keeper sends prepared calls");
    }

    @Override
    public List<SentTransaction> pending() {
      return pending;
    }
  }
}
