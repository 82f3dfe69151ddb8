package io.enclavelottery.chain.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.contract.LotteryTestChain;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.LocalAnvil;
import java.math.BigInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Convert;

/** Verifies real draws made by the contract on Anvil, as {@code lottery verify-draw} does. */
class DrawVerifierIT {

  private static final BigInteger FINNEY =
      Convert.toWei("1", Convert.Unit.FINNEY).toBigIntegerExact();
  private static final Hex32 SEED = Hex32.parse("5eed".repeat(16));

  @AutoClose private static LotteryTestChain chain;
  private static LotteryDeployer.Deployment deployment;
  private static Web3jLotteryContract lottery;

  /** Round 1 drawn from 24 bets of four players; round 2 refunded by the operator. */
  @BeforeAll
  static void playRounds() {
    chain = LotteryTestChain.start();
    deployment = chain.deploy();
    lottery = chain.contract(deployment.address());
    for (int i = 0; i < 24; i++) {
      chain.send(
          chain.player(i % 4), lottery.placeBet(FINNEY.multiply(BigInteger.valueOf(1 + i % 5))));
    }
    chain.commitAndDraw(lottery, SEED, chain.player(6));

    chain.send(chain.player(0), lottery.placeBet(FINNEY));
    chain.send(chain.operator(), lottery.refundRound());
  }

  @Test
  void aRealDrawVerifies() {
    DrawVerification result =
        DrawVerifier.overRpc(chain.web3j(), chain.rpcUrl(), deployment.address()).verify(1);

    assertThat(result.matches()).as(result.reason()).isTrue();
    assertThat(result.state()).isEqualTo(RoundState.COMPLETED);
    assertThat(result.betCount()).isEqualTo(24);
    assertThat(result.revealedSeed()).isEqualTo(SEED);
    assertThat(result.recomputedCommitment()).contains(result.commitment());
    assertThat(result.recomputedWinner()).contains(result.winnerOnChain());
    assertThat(result.winnerOnChain()).isEqualTo(lottery.roundById(1).winner());
    assertThat(result.drawnAt()).isPresent();
    assertThat(result.chainId()).isEqualTo(LocalAnvil.CHAIN_ID);
  }

  @Test
  void aRefundedRoundHasNoDrawToVerify() {
    DrawVerification result =
        DrawVerifier.overRpc(chain.web3j(), chain.rpcUrl(), deployment.address()).verify(2);

    assertThat(result.matches()).isFalse();
    assertThat(result.state()).isEqualTo(RoundState.REFUNDED);
    assertThat(result.reason()).contains("refunded");
  }

  @Test
  void theWaitingRoundAndAnUnknownRoundHaveNoDraw() {
    DrawVerifier verifier =
        DrawVerifier.overRpc(chain.web3j(), chain.rpcUrl(), deployment.address());

    assertThat(verifier.verify(3).reason()).contains("has not started");
    assertThat(verifier.verify(4).reason()).contains("does not exist");
    assertThat(verifier.verify(0).reason()).contains("does not exist");
  }

  @Test
  void aSearchThatStartsAfterTheDrawMissesTheEventAndSaysSo() {
    DrawVerifier late =
        new DrawVerifier(
            lottery,
            new io.enclavelottery.chain.events.Web3jLotteryEventLog(
                chain.web3j(), chain.rpcUrl(), deployment.address()),
            chain.latestBlock());

    DrawVerification result = late.verify(1);

    assertThat(result.matches()).isFalse();
    assertThat(result.reason()).contains("no RoundCompleted event");
  }
}
