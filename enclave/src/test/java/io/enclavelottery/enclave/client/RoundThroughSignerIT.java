package io.enclavelottery.enclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.DrawMath;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.contract.LotteryTestChain;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.tx.BlockWait;
import io.enclavelottery.chain.tx.Eip1559TransactionSender;
import io.enclavelottery.chain.tx.FeePolicy;
import io.enclavelottery.chain.tx.Fees;
import io.enclavelottery.chain.tx.ReceiptPolicy;
import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.chain.verify.DrawVerification;
import io.enclavelottery.chain.verify.DrawVerifier;
import io.enclavelottery.enclave.signer.SeedCommitment;
import io.enclavelottery.enclave.signer.SignedTransaction;
import io.enclavelottery.enclave.signer.TestSigner;
import io.enclavelottery.enclave.signer.TransactionTerms;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Convert;

/**
 * A round run through the signer on a real Anvil: the operator key injected, {@code startRound}
 * signed through {@code /sign} by the project's transaction sender, {@code commitSeed} and {@code
 * drawWinner} built by the signer and accepted by the deployed contract, and the winner verified by
 * {@link DrawVerifier}. Chain time is moved with Anvil; the signer's own clock is moved by the
 * test, as real time would move it.
 */
class RoundThroughSignerIT {

  private static final BigInteger FINNEY =
      Convert.toWei("1", Convert.Unit.FINNEY).toBigIntegerExact();
  private static final Fees FEES =
      new Fees(TestSigner.GWEI.multiply(BigInteger.valueOf(20)), TestSigner.GWEI);
  private static final BigInteger GAS = BigInteger.valueOf(500_000);

  private LotteryTestChain chain;
  private RunningSigner running;
  private Web3jLotteryContract lottery;
  private RemoteSigner signer;

  @BeforeEach
  void start() {
    chain = LotteryTestChain.start();
    LotteryDeployer.Deployment deployment = chain.deploy();
    lottery = chain.contract(deployment.address());
    running =
        new RunningSigner(TestSigner.awaiting(chain.operator().address(), deployment.address()));
    running.test.clock.set(chain.latestBlockTime());
    KeyInjectionClient injection =
        new KeyInjectionClient(running.signingUrl, RunningSigner.TIMEOUT, new SecureRandom());
    injection.inject(chain.operator().key(), injection.publicKey());
    signer = running.remoteSigner();
  }

  @AfterEach
  void stop() {
    if (running != null) {
      running.close();
    }
    if (chain != null) {
      chain.close();
    }
  }

  @Test
  void aRoundCommittedAndDrawnByTheSignerVerifies() throws Exception {
    assertThat(sender().send(lottery.startRound())).isInstanceOf(SendResult.Mined.class);
    for (int i = 0; i < 6; i++) {
      chain.send(chain.player(i % 3), lottery.placeBet(FINNEY.multiply(BigInteger.valueOf(1 + i))));
    }
    Round round = lottery.round();

    SeedCommitment commitment = signer.commit(round.roundId(), round.endTime(), terms());
    assertThat(submit(commitment.transaction()).isStatusOK()).isTrue();
    assertThat(lottery.round().seedCommitted()).isTrue();

    assertThatThrownBy(() -> signer.draw(round.roundId(), terms()))
        .hasMessageContaining("released only after");
    Instant release = round.endTime().plus(TestSigner.MARGIN).plusSeconds(1);
    running.test.clock.set(release);
    chain.mineAt(release.isAfter(round.minDrawTime()) ? release : round.minDrawTime());
    SignedTransaction draw = signer.draw(round.roundId(), terms());
    assertThat(submit(draw).isStatusOK()).isTrue();

    DrawVerification verification =
        DrawVerifier.overRpc(chain.web3j(), chain.rpcUrl(), lottery.address())
            .verify(round.roundId());
    assertThat(verification.matches()).as(verification.reason()).isTrue();
    assertThat(verification.state()).isEqualTo(RoundState.COMPLETED);
    assertThat(verification.commitment()).isEqualTo(commitment.commitment());
    assertThat(
            DrawMath.commitment(
                LocalAnvil.CHAIN_ID,
                lottery.address(),
                round.roundId(),
                verification.revealedSeed()))
        .isEqualTo(commitment.commitment());
    assertThat(verification.recomputedWinner()).contains(verification.winnerOnChain());

    RawTransaction refund =
        RawTransaction.createTransaction(
            LocalAnvil.CHAIN_ID,
            terms().nonce(),
            GAS,
            lottery.address(),
            BigInteger.ZERO,
            lottery.refundRound().data(),
            FEES.maxPriorityFeePerGas(),
            FEES.maxFeePerGas());
    assertThatThrownBy(() -> signer.signTransaction(refund, LocalAnvil.CHAIN_ID))
        .hasMessageContaining("seed has been released and no startRound has been signed since");
    // a new sender: the first one's nonce sequence did not see commit and draw go out
    assertThat(sender().send(lottery.startRound())).isInstanceOf(SendResult.Mined.class);
  }

  /** The project's sender, signing through the signer's {@code /sign}. */
  private Eip1559TransactionSender sender() {
    return Eip1559TransactionSender.forLottery(
        chain.web3j(),
        signer,
        FeePolicy.defaults(),
        new ReceiptPolicy(Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(60), 5),
        BlockWait.fixedInterval());
  }

  private TransactionTerms terms() throws Exception {
    BigInteger nonce =
        chain
            .web3j()
            .ethGetTransactionCount(chain.operator().address(), DefaultBlockParameterName.PENDING)
            .send()
            .getTransactionCount();
    return new TransactionTerms(nonce, GAS, FEES);
  }

  private TransactionReceipt submit(SignedTransaction transaction) throws Exception {
    EthSendTransaction sent = chain.web3j().ethSendRawTransaction(transaction.raw()).send();
    assertThat(sent.hasError()).as(() -> sent.getError().getMessage()).isFalse();
    assertThat(sent.getTransactionHash()).isEqualTo(transaction.hash());
    // mined at once, but the node may answer for the receipt a moment later under load
    return await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                chain
                    .web3j()
                    .ethGetTransactionReceipt(sent.getTransactionHash())
                    .send()
                    .getTransactionReceipt(),
            Optional::isPresent)
        .orElseThrow();
  }
}
