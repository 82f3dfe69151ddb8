package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.Precondition;
import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.chain.tx.SentTransaction;
import io.enclavelottery.chain.tx.SignerBuiltCall;
import io.enclavelottery.chain.tx.TransactionSender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * What the keeper reports while its thread waits inside a send: the transaction in flight, taken
 * from the sender on each head, and the chain as its last look read it.
 */
class RoundKeeperInFlightTest {

  private static final SigningKey OPERATOR = KeepersOnFakes.OPERATOR;
  private static final Duration PATIENCE = Duration.ofSeconds(10);

  @AutoClose private final KeepersOnFakes fakes = new KeepersOnFakes();
  private final FakeChainView chain = fakes.chain;
  private final WaitingSender sender = new WaitingSender();

  @AfterEach
  void releaseTheSend() {
    sender.release.countDown();
  }

  @Test
  void aTransactionWaitingForItsReceiptIsReportedOnTheNextHead() {
    fakes.contract.putRound(fakes.betting(1, fakes.start.plusSeconds(300), 2, Hex32.ZERO));
    RoundKeeper keeper = fakes.start(sender, KeeperListener.none(), new SimpleMeterRegistry());

    await().atMost(PATIENCE).until(() -> sender.sending.getCount() == 0);
    assertThat(keeper.status().inFlight()).isEmpty();
    ChainReading read = keeper.status().chain().orElseThrow();
    assertThat(read.round().participantCount()).isEqualTo(2);
    assertThat(read.operatorBalance()).isEqualTo(chain.balance(OPERATOR.address()));

    chain.mine(1);
    keeper.onHead(fakes.head());

    assertThat(keeper.status().inFlight())
        .singleElement()
        .satisfies(tx -> assertThat(tx.function()).isEqualTo("commitSeed"));
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
