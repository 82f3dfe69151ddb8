package io.enclavelottery.chain.tx;

import static io.enclavelottery.chain.tx.Eip1559TransactionSenderTest.BET_TOO_SMALL;
import static io.enclavelottery.chain.tx.Eip1559TransactionSenderTest.KEY;
import static io.enclavelottery.chain.tx.Eip1559TransactionSenderTest.LOTTERY;
import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.RevertDecoder;
import io.enclavelottery.chain.tx.TransactionRpc.CallOutcome;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Transactions the signer builds itself (the enclave's commit and draw) go through the sender's one
 * nonce sequence, so a signer that signs one payload per nonce never sees a collision.
 */
class SignerBuiltSendTest {

  private static final String COMMIT_DATA = "0x11223344" + "ab".repeat(64);
  private static final String DRAW_DATA = "0x55667788" + "cd".repeat(32);
  // (web3j decodes a transaction's data without its 0x, hence substring(2) below)

  private final FakeChain chain = new FakeChain();
  private final MutableClock clock = new MutableClock();
  private final List<Runnable> betweenPolls = new ArrayList<>();
  private final PayloadPerNonceSigner signer = new PayloadPerNonceSigner(KEY);
  private final ContractCall startRound =
      new ContractCall(LOTTERY, "startRound", "0x5a6b7c8d", BigInteger.ZERO);
  private final SignerBuiltCall commit =
      signer.built(
          "commitSeed",
          LOTTERY,
          COMMIT_DATA,
          Optional.of(new ContractCall(LOTTERY, "commitSeed", "0x11223344", BigInteger.ZERO)),
          BigInteger.valueOf(1));
  private final SignerBuiltCall draw =
      signer.built("drawWinner", LOTTERY, DRAW_DATA, Optional.empty(), BigInteger.valueOf(400_000));

  private Eip1559TransactionSender sender() {
    BlockWait wait =
        atMost -> {
          clock.advance(atMost);
          betweenPolls.forEach(Runnable::run);
        };
    return new Eip1559TransactionSender(
        chain,
        signer,
        FakeChain.CHAIN_ID,
        RevertDecoder.lottery(),
        FeePolicy.defaults(),
        new ReceiptPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60), 3),
        clock,
        wait);
  }

  @Test
  void builtAndOrdinaryTransactionsShareOneNonceSequence() {
    chain.automine = true;
    Eip1559TransactionSender sender = sender();

    assertThat(sender.send(startRound)).isInstanceOf(SendResult.Mined.class);
    assertThat(sender.send(commit, Precondition.always())).isInstanceOf(SendResult.Mined.class);
    assertThat(sender.send(draw, Precondition.always())).isInstanceOf(SendResult.Mined.class);
    assertThat(sender.send(startRound)).isInstanceOf(SendResult.Mined.class);

    assertThat(chain.accepted)
        .extracting(FakeChain.Accepted::nonce)
        .containsExactly(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3));
    assertThat(signer.signatures)
        .extracting(PayloadPerNonceSigner.Signature::function)
        .containsExactly("call", "commitSeed", "drawWinner", "call");
    assertThat(chain.accepted.get(1).raw().getData()).isEqualTo(COMMIT_DATA.substring(2));
  }

  @Test
  void aStandInIsSimulatedAndEstimatedBeforeTheSignerIsAsked() {
    chain.automine = true;
    chain.gasEstimate = new TransactionRpc.GasEstimate.Estimated(BigInteger.valueOf(60_000));

    sender().send(commit, Precondition.always());

    assertThat(chain.calls).isEqualTo(1);
    assertThat(signer.signatures.get(0).gasLimit())
        .isEqualTo(new FeeCalculator(FeePolicy.defaults()).gasLimit(BigInteger.valueOf(60_000)));
  }

  @Test
  void aRevertingStandInSignsNothing() {
    chain.callOutcome = new CallOutcome.Reverted(BET_TOO_SMALL, "execution reverted");

    SendResult result = sender().send(commit, Precondition.always());

    assertThat(result).isInstanceOf(SendResult.WouldRevert.class);
    assertThat(signer.signatures).isEmpty();
    assertThat(chain.accepted).isEmpty();
  }

  @Test
  void withoutAStandInNothingIsSimulatedAndItsOwnGasLimitIsUsed() {
    chain.automine = true;

    assertThat(sender().send(draw, Precondition.always())).isInstanceOf(SendResult.Mined.class);

    assertThat(chain.calls).isZero();
    assertThat(chain.accepted.get(0).raw().getGasLimit()).isEqualTo(BigInteger.valueOf(400_000));
  }

  @Test
  void nothingIsSignedWhenThePreconditionNoLongerHolds() {
    SendResult result = sender().send(draw, () -> false);

    assertThat(result).isInstanceOf(SendResult.NotNeeded.class);
    assertThat(signer.signatures).isEmpty();
  }

  @Test
  void aStuckBuiltTransactionIsReplacedByAskingTheSignerAgainAtTheSameNonce() {
    betweenPolls.add(
        () -> {
          if (chain.accepted.size() >= 2) {
            chain.mine();
          }
        });

    SendResult result = sender().send(draw, Precondition.always());

    assertThat(result).isInstanceOf(SendResult.Mined.class);
    assertThat(signer.signatures).hasSize(2);
    PayloadPerNonceSigner.Signature first = signer.signatures.get(0);
    PayloadPerNonceSigner.Signature again = signer.signatures.get(1);
    assertThat(again.nonce()).isEqualTo(first.nonce());
    assertThat(again.function()).isEqualTo("drawWinner");
    assertThat(again.fees().maxFeePerGas()).isGreaterThan(first.fees().maxFeePerGas());
    assertThat(chain.accepted.get(1).raw().getData()).isEqualTo(DRAW_DATA.substring(2));
    assertThat(((SendResult.Mined) result).transaction().replacements()).isEqualTo(1);
  }

  @Test
  void aBuiltTransactionNoLongerNeededIsReplacedAsItIsNeverCancelled() {
    AtomicBoolean needed = new AtomicBoolean(true);
    betweenPolls.add(
        () -> {
          needed.set(false);
          if (chain.accepted.size() >= 2) {
            chain.mine();
          }
        });

    SendResult result = sender().send(draw, needed::get);

    // a cancelling transfer would be a second payload at the nonce, which the signer refuses
    assertThat(result).isInstanceOf(SendResult.Mined.class);
    assertThat(chain.accepted).extracting(a -> a.raw().getTo()).containsOnly(LOTTERY);
    assertThat(chain.accepted)
        .extracting(a -> a.raw().getData())
        .containsOnly(DRAW_DATA.substring(2));
  }

  @Test
  void aSignerRefusalIsAFailureWithItsReasonAndLeavesTheNonceFree() {
    chain.automine = true;
    Eip1559TransactionSender sender = sender();
    signer.refusal = Optional.of("too early: the seed is released after 12:00:30");

    SendResult refused = sender.send(draw, Precondition.always());
    signer.refusal = Optional.empty();
    SendResult next = sender.send(startRound);

    assertThat(refused).isInstanceOf(SendResult.Failed.class);
    assertThat(refused.describe()).contains("too early");
    assertThat(next).isInstanceOf(SendResult.Mined.class);
    assertThat(chain.accepted.get(0).nonce()).isZero();
  }

  @Test
  void aNonceTooLowReadsTheChainAgainAndAsksTheSignerAgain() {
    chain.automine = true;
    chain.minedNonce = BigInteger.valueOf(4);
    chain.scriptedRefusals.add("nonce too low");

    SendResult result = sender().send(draw, Precondition.always());

    assertThat(result).isInstanceOf(SendResult.Mined.class);
    assertThat(signer.signatures)
        .extracting(PayloadPerNonceSigner.Signature::function)
        .containsExactly("drawWinner", "drawWinner");
    assertThat(chain.accepted.get(0).nonce()).isEqualTo(BigInteger.valueOf(4));
  }
}
