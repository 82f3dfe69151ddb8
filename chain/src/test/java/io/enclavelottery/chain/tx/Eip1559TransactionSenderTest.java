package io.enclavelottery.chain.tx;

import static io.enclavelottery.chain.tx.FakeChain.gwei;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.ErrorDefinition;
import io.enclavelottery.chain.contract.RevertDecoder;
import io.enclavelottery.chain.contract.RevertReason;
import io.enclavelottery.chain.signer.CapturedLogs;
import io.enclavelottery.chain.signer.LocalKeySigner;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.TransactionRpc.CallOutcome;
import io.enclavelottery.chain.tx.TransactionRpc.GasEstimate;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.transaction.type.Transaction1559;

class Eip1559TransactionSenderTest {

  /** A throw-away key for unit tests only. */
  static final SigningKey KEY =
      SigningKey.fromHex("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");

  static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";

  /** {@code BetTooSmall(100, 1000)} as the contract reverts with it. */
  static final String BET_TOO_SMALL =
      new ErrorDefinition("BetTooSmall", List.of("uint256", "uint256")).selector()
          + "0000000000000000000000000000000000000000000000000000000000000064"
          + "00000000000000000000000000000000000000000000000000000000000003e8";

  private final FakeChain chain = new FakeChain();
  private final MutableClock clock = new MutableClock();
  private final List<Runnable> betweenPolls = new ArrayList<>();
  private final ReceiptPolicy receipts =
      new ReceiptPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60), 3);
  private final ContractCall draw =
      new ContractCall(LOTTERY, "drawWinner", "0xa1b2c3d4" + "00".repeat(32), BigInteger.ZERO);

  private Eip1559TransactionSender sender(FeePolicy policy) {
    return sender(policy, new NonceSequence(KEY.address(), chain));
  }

  private Eip1559TransactionSender sender(FeePolicy policy, NonceSequence nonces) {
    BlockWait wait =
        atMost -> {
          clock.advance(atMost);
          betweenPolls.forEach(Runnable::run);
        };
    return new Eip1559TransactionSender(
        chain,
        new LocalKeySigner(KEY),
        FakeChain.CHAIN_ID,
        RevertDecoder.lottery(),
        policy,
        receipts,
        clock,
        wait,
        nonces);
  }

  private Eip1559TransactionSender sender() {
    return sender(FeePolicy.defaults());
  }

  private static Transaction1559 eip1559(FakeChain.Accepted accepted) {
    return (Transaction1559) accepted.raw().getTransaction();
  }

  @Test
  void sendsWithEstimatedGasAndBaseFeePricingAndReportsTheReceipt() {
    chain.automine = true;
    chain.baseFee = gwei(10);
    chain.suggestedTip = java.util.Optional.of(gwei(2));

    SendResult result = sender().send(draw);

    assertThat(result).isInstanceOf(SendResult.Mined.class);
    assertThat(chain.accepted).hasSize(1);
    Transaction1559 sent = eip1559(chain.accepted.get(0));
    assertThat(sent.getNonce()).isZero();
    assertThat(sent.getGasLimit()).isEqualTo(BigInteger.valueOf(120_000));
    assertThat(sent.getMaxFeePerGas()).isEqualTo(gwei(22));
    assertThat(sent.getMaxPriorityFeePerGas()).isEqualTo(gwei(2));
    assertThat(sent.getChainId()).isEqualTo(FakeChain.CHAIN_ID);
    assertThat(sent.getTo()).isEqualTo(LOTTERY);
    SendResult.Mined mined = (SendResult.Mined) result;
    assertThat(mined.transaction().hash()).isEqualTo(chain.accepted.get(0).hash());
    assertThat(mined.transaction().replacements()).isZero();
    assertThat(mined.transaction().from()).isEqualTo(KEY.address());
  }

  @Test
  void usesTheFallbackTipWhenTheNodeSuggestsNone() {
    chain.automine = true;
    chain.suggestedTip = java.util.Optional.empty();

    sender(FeePolicy.defaults().withFallbackPriorityFeeWei(gwei(3))).send(draw);

    assertThat(eip1559(chain.accepted.get(0)).getMaxPriorityFeePerGas()).isEqualTo(gwei(3));
  }

  @Test
  void consecutiveSendsTakeConsecutiveNoncesReadingTheChainOnce() {
    chain.automine = true;
    Eip1559TransactionSender sender = sender();

    sender.send(draw);
    sender.send(draw);
    sender.send(draw);

    assertThat(chain.accepted)
        .extracting(FakeChain.Accepted::nonce)
        .containsExactly(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO);
    assertThat(chain.pendingCountReads).isEqualTo(1);
  }

  @Test
  void sendersSharingANonceSequenceNeverPickTheSameNonce() throws Exception {
    chain.automine = true;
    NonceSequence shared = new NonceSequence(KEY.address(), chain);
    List<Eip1559TransactionSender> senders =
        List.of(sender(FeePolicy.defaults(), shared), sender(FeePolicy.defaults(), shared));
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<SendResult>> results = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        Eip1559TransactionSender sender = senders.get(i % 2);
        results.add(threads.submit(() -> sender.send(draw)));
      }
      for (Future<SendResult> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS)).isInstanceOf(SendResult.Mined.class);
      }
    } finally {
      threads.shutdownNow();
    }

    assertThat(chain.refusals).isEmpty();
    assertThat(chain.accepted)
        .extracting(FakeChain.Accepted::nonce)
        .containsExactlyElementsOf(LongStream.range(0, 40).mapToObj(BigInteger::valueOf).toList());
    assertThat(chain.pendingCountReads).isEqualTo(1);
  }

  @Test
  void aNonceSequenceOfAnotherAddressIsRefused() {
    NonceSequence other = new NonceSequence("0x" + "11".repeat(20), chain);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> sender(FeePolicy.defaults(), other))
        .withMessageContaining("cannot serve " + KEY.address());
  }

  @Test
  void aRevertingSimulationIsReportedWithItsCustomErrorAndNothingIsSent() {
    chain.callOutcome = new CallOutcome.Reverted(BET_TOO_SMALL, "execution reverted");

    SendResult result = sender().send(draw);

    assertThat(result).isInstanceOf(SendResult.WouldRevert.class);
    RevertReason reason = ((SendResult.WouldRevert) result).reason();
    assertThat(reason)
        .isEqualTo(
            new RevertReason.CustomError(
                "BetTooSmall", List.of(BigInteger.valueOf(100), BigInteger.valueOf(1000))));
    assertThat(result.describe()).contains("BetTooSmall(100, 1000)").contains("nothing was sent");
    assertThat(chain.accepted).isEmpty();
    assertThat(chain.refusals).isEmpty();
  }

  @Test
  void aRevertingGasEstimateCountsAsARevertToo() {
    chain.gasEstimate = new GasEstimate.Reverted(BET_TOO_SMALL, "execution reverted");

    SendResult result = sender().send(draw);

    assertThat(result).isInstanceOf(SendResult.WouldRevert.class);
    assertThat(chain.accepted).isEmpty();
  }

  @Test
  void aRevertThatTheChainNoLongerNeedsIsNotNeededRatherThanAnError() {
    chain.callOutcome = new CallOutcome.Reverted(BET_TOO_SMALL, "execution reverted");

    SendResult result = sender().send(draw, () -> false);

    assertThat(result).isEqualTo(new SendResult.NotNeeded("drawWinner"));
  }

  @Test
  void nothingIsSentWhenThePreconditionNoLongerHolds() {
    chain.automine = true;

    SendResult result = sender().send(draw, () -> false);

    assertThat(result).isEqualTo(new SendResult.NotNeeded("drawWinner"));
    assertThat(chain.accepted).isEmpty();
  }

  @Test
  void aPreconditionThatCannotBeReadSendsNothing() {
    SendResult result =
        sender()
            .send(
                draw,
                () -> {
                  throw new RpcException("connection refused");
                });

    assertThat(result).isInstanceOf(SendResult.Failed.class);
    assertThat(result.describe()).contains("connection refused");
    assertThat(chain.accepted).isEmpty();
  }

  @Test
  void aNonceTooLowRereadsTheNonceFromTheChainAndSendsAgain() {
    chain.automine = true;
    Eip1559TransactionSender sender = sender();
    sender.send(draw); // nonce 0; the sequence now expects 1
    chain.outOfBandTransactionMined(); // someone else used nonce 1

    SendResult result = sender.send(draw);

    assertThat(result).isInstanceOf(SendResult.Mined.class);
    assertThat(chain.refusals).containsExactly("nonce too low");
    assertThat(chain.lastAccepted().getNonce()).isEqualTo(BigInteger.TWO);
    assertThat(chain.pendingCountReads).isEqualTo(2);
  }

  @Test
  void aReplacementUnderpricedOnAFirstSendMeansAForeignTransactionHoldsTheNonce() {
    chain.automine = true;
    chain.scriptedRefusals.add("replacement transaction underpriced");

    SendResult result = sender().send(draw);

    assertThat(result).isInstanceOf(SendResult.Mined.class);
    assertThat(chain.pendingCountReads).isEqualTo(2);
  }

  @Test
  void givesUpWhenTheNonceKeepsMoving() {
    chain.scriptedRefusals.addAll(List.of("nonce too low", "nonce too low", "nonce too low"));

    SendResult result = sender().send(draw);

    assertThat(result).isInstanceOf(SendResult.Failed.class);
    assertThat(result.describe()).contains("nonce kept moving");
  }

  @Test
  void anyOtherRefusalFailsAndTheNextSendRereadsTheNonce() {
    chain.automine = true;
    chain.scriptedRefusals.add("insufficient funds for gas * price + value");
    Eip1559TransactionSender sender = sender();

    SendResult failed = sender.send(draw);
    SendResult next = sender.send(draw);

    assertThat(failed).isInstanceOf(SendResult.Failed.class);
    assertThat(failed.describe()).contains("insufficient funds");
    assertThat(next).isInstanceOf(SendResult.Mined.class);
    assertThat(chain.lastAccepted().getNonce()).isZero();
  }

  @Test
  void aStuckTransactionIsReplacedWithTheSameNonceAndFeesRaisedByTheBump() {
    // nothing is mined until a replacement is in the pool
    betweenPolls.add(
        () -> {
          if (chain.accepted.size() >= 2) {
            chain.mine();
          }
        });
    Eip1559TransactionSender sender = sender();

    SendResult result = sender.send(draw);

    assertThat(result).isInstanceOf(SendResult.Mined.class);
    assertThat(chain.accepted).hasSize(2);
    Transaction1559 first = eip1559(chain.accepted.get(0));
    Transaction1559 replacement = eip1559(chain.accepted.get(1));
    assertThat(replacement.getNonce()).isEqualTo(first.getNonce());
    assertThat(replacement.getData()).isEqualTo(first.getData());
    assertThat(replacement.getMaxFeePerGas())
        .isGreaterThanOrEqualTo(percentOf(first.getMaxFeePerGas(), 110));
    assertThat(replacement.getMaxPriorityFeePerGas())
        .isGreaterThanOrEqualTo(percentOf(first.getMaxPriorityFeePerGas(), 110));
    SendResult.Mined mined = (SendResult.Mined) result;
    assertThat(mined.transaction().hash()).isEqualTo(chain.accepted.get(1).hash());
    assertThat(mined.transaction().replacements()).isEqualTo(1);
    assertThat(chain.receipts).doesNotContainKey(chain.accepted.get(0).hash());
  }

  @Test
  void aReplacementFollowsARisingBaseFee() {
    betweenPolls.add(
        () -> {
          chain.baseFee = gwei(40);
          if (chain.accepted.size() >= 2) {
            chain.mine();
          }
        });

    SendResult result = sender().send(draw);

    assertThat(result).isInstanceOf(SendResult.Mined.class);
    assertThat(eip1559(chain.accepted.get(1)).getMaxFeePerGas()).isEqualTo(gwei(81));
  }

  @Test
  void theOriginalMayStillBeMinedAfterItWasReplaced() {
    AtomicInteger polls = new AtomicInteger();
    betweenPolls.add(
        () -> {
          if (chain.accepted.size() == 2 && polls.incrementAndGet() == 1) {
            // the node mined the first version after all
            FakeChain.Accepted original = chain.accepted.get(0);
            chain.pool.put(original.nonce(), original);
            chain.mine();
          }
        });

    SendResult result = sender().send(draw);

    assertThat(result).isInstanceOf(SendResult.Mined.class);
    assertThat(((SendResult.Mined) result).transaction().hash())
        .isEqualTo(chain.accepted.get(0).hash());
  }

  @Test
  void aFeeCapThatAllowsNoValidBumpIsReportedAndNothingMoreIsSent() {
    // first fees: 2 × 1 + 1 = 3 gwei, which is the cap: no room for +12 %
    SendResult result = sender(FeePolicy.defaults().withFeeCapWei(gwei(3))).send(draw);

    assertThat(result).isInstanceOf(SendResult.StillPending.class);
    assertThat(result.describe()).contains("fee cap of 3 gwei").contains("BLOCKCHAIN_GAS_PRICE");
    assertThat(chain.accepted).hasSize(1);
  }

  @Test
  void aReplacementIsClampedToTheCapWhenTheCapStillAllowsAValidBump() {
    chain.baseFee = gwei(60);
    betweenPolls.add(
        () -> {
          chain.baseFee = gwei(100);
          if (chain.accepted.size() >= 2) {
            chain.mine();
          }
        });

    SendResult result = sender(FeePolicy.defaults().withFeeCapWei(gwei(150))).send(draw);

    assertThat(result).isInstanceOf(SendResult.Mined.class);
    assertThat(eip1559(chain.accepted.get(0)).getMaxFeePerGas()).isEqualTo(gwei(121));
    assertThat(eip1559(chain.accepted.get(1)).getMaxFeePerGas()).isEqualTo(gwei(150));
  }

  @Test
  void aFirstSendIsClampedToTheCap() {
    chain.baseFee = gwei(100);
    chain.automine = true;

    sender(FeePolicy.defaults().withFeeCapWei(gwei(150))).send(draw);

    assertThat(eip1559(chain.accepted.get(0)).getMaxFeePerGas()).isEqualTo(gwei(150));
  }

  @Test
  void aTransactionNoLongerNeededWhileStuckIsCancelledByAnEmptyTransferToItself() {
    AtomicBoolean needed = new AtomicBoolean(true);
    betweenPolls.add(
        () -> {
          needed.set(false); // e.g. someone else refunded the round meanwhile
          if (chain.accepted.size() >= 2) {
            chain.mine();
          }
        });

    SendResult result = sender().send(draw, needed::get);

    assertThat(result).isInstanceOf(SendResult.Cancelled.class);
    FakeChain.Accepted cancellation = chain.accepted.get(1);
    assertThat(cancellation.nonce()).isEqualTo(chain.accepted.get(0).nonce());
    assertThat(cancellation.raw().getTo()).isEqualTo(KEY.address());
    assertThat(cancellation.raw().getValue()).isZero();
    assertThat(cancellation.raw().getGasLimit()).isEqualTo(BigInteger.valueOf(21_000));
    assertThat(((SendResult.Cancelled) result).transaction().cancelling()).isTrue();
  }

  @Test
  void aNonceTakenByAnotherTransactionIsAFailureAndTheSequenceResyncs() {
    chain.automine = false;
    betweenPolls.add(chain::outOfBandTransactionMined);
    Eip1559TransactionSender sender = sender();

    SendResult result = sender.send(draw);
    chain.automine = true;
    SendResult next = sender.send(draw);

    assertThat(result).isInstanceOf(SendResult.Failed.class);
    assertThat(result.describe()).contains("nonce 0 was used by another transaction");
    assertThat(next).isInstanceOf(SendResult.Mined.class);
    assertThat(chain.lastAccepted().getNonce()).isEqualTo(BigInteger.ONE);
  }

  @Test
  void aMinedRevertIsReportedWithTheReplayedReason() {
    chain.automine = true;
    chain.revertOnMine = true;
    chain.replayOutcome = new CallOutcome.Reverted(BET_TOO_SMALL, "execution reverted");

    SendResult result = sender().send(draw);

    assertThat(result).isInstanceOf(SendResult.Reverted.class);
    assertThat(((SendResult.Reverted) result).reason())
        .get()
        .extracting(RevertReason::describe)
        .isEqualTo("BetTooSmall(100, 1000)");
    assertThat(result.succeeded()).isFalse();
  }

  @Test
  void givesUpAfterTheConfiguredTimeWithTheTransactionStillPending() {
    ReceiptPolicy noReplacements = receipts.withMaxReplacements(0);
    Eip1559TransactionSender sender =
        new Eip1559TransactionSender(
            chain,
            new LocalKeySigner(KEY),
            FakeChain.CHAIN_ID,
            RevertDecoder.lottery(),
            FeePolicy.defaults(),
            noReplacements,
            clock,
            atMost -> clock.advance(atMost));

    SendResult result = sender.send(draw);

    assertThat(result).isInstanceOf(SendResult.StillPending.class);
    assertThat(result.describe()).contains("no receipt 60 s after the first send");
    assertThat(chain.accepted).hasSize(1);
  }

  @Test
  void thePendingViewShowsTheTransactionWhileItWaits() {
    Eip1559TransactionSender sender = sender();
    List<List<SentTransaction>> seen = new ArrayList<>();
    betweenPolls.add(
        () -> {
          seen.add(sender.pending());
          chain.mine();
        });

    sender.send(draw);

    assertThat(seen.get(0))
        .singleElement()
        .satisfies(
            tx -> {
              assertThat(tx.function()).isEqualTo("drawWinner");
              assertThat(tx.nonce()).isZero();
              assertThat(tx.hash()).isEqualTo(chain.accepted.get(0).hash());
              assertThat(tx.sentAt()).isNotNull();
            });
    assertThat(sender.pending()).isEmpty();
  }

  @Test
  void aBrokenNodeIsAFailureNotAnException() {
    TransactionRpc broken =
        new FakeChain() {
          @Override
          public synchronized CallOutcome call(
              CallRequest request, org.web3j.protocol.core.DefaultBlockParameter block) {
            throw new RpcException("eth_call failed: connection refused");
          }
        };
    Eip1559TransactionSender sender =
        new Eip1559TransactionSender(
            broken,
            new LocalKeySigner(KEY),
            FakeChain.CHAIN_ID,
            RevertDecoder.lottery(),
            FeePolicy.defaults(),
            receipts,
            clock,
            atMost -> clock.advance(atMost));

    assertThat(sender.send(draw))
        .isEqualTo(new SendResult.Failed("drawWinner", "eth_call failed: connection refused"));
  }

  @Test
  void logsNeverContainCallDataBecauseADrawsDataIsItsSeed() {
    String seed = "5eed".repeat(16);
    ContractCall secretDraw =
        new ContractCall(LOTTERY, "drawWinner", "0xa1b2c3d4" + seed, BigInteger.ZERO);
    chain.revertOnMine = true;
    chain.replayOutcome = new CallOutcome.Reverted(BET_TOO_SMALL, "execution reverted");
    betweenPolls.add(
        () -> {
          if (chain.accepted.size() >= 2) {
            chain.mine();
          }
        });

    try (CapturedLogs logs = new CapturedLogs()) {
      SendResult result = sender().send(secretDraw);

      assertThat(result).isInstanceOf(SendResult.Reverted.class);
      assertThat(logs.lines()).isNotEmpty().noneMatch(line -> line.contains(seed));
      assertThat(result.describe()).doesNotContain(seed);
      assertThat(result.toString()).doesNotContain(seed);
    }
  }

  @Test
  void concurrentSendsGetDistinctConsecutiveNonces() throws Exception {
    chain.automine = true;
    Eip1559TransactionSender sender = sender();
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<SendResult>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        results.add(pool.submit(() -> sender.send(draw)));
      }
      for (var result : results) {
        assertThat(result.get()).isInstanceOf(SendResult.Mined.class);
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(chain.accepted)
        .extracting(FakeChain.Accepted::nonce)
        .containsExactlyInAnyOrderElementsOf(
            LongStream.range(0, 8).mapToObj(BigInteger::valueOf).toList());
    assertThat(chain.refusals).isEmpty();
  }

  private static BigInteger percentOf(BigInteger value, int percent) {
    return value.multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100));
  }
}
