package io.enclavelottery.chain.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.devnet.LocalAnvil;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Convert;

/** The facade, the deployer and the draw arithmetic against the real contract on Anvil. */
class LotteryContractIT {

  private static final BigInteger ONE_ETHER =
      Convert.toWei("1", Convert.Unit.ETHER).toBigIntegerExact();
  private static final BigInteger TENTH = ONE_ETHER.divide(BigInteger.TEN);

  @AutoClose private static LotteryTestChain chain;

  private LotteryDeployer.Deployment deployment;
  private Web3jLotteryContract lottery;

  @BeforeAll
  static void startChain() {
    chain = LotteryTestChain.start();
  }

  @BeforeEach
  void deploy() {
    deployment = chain.deploy();
    lottery = chain.contract(deployment.address());
  }

  @Test
  void aFreshDeploymentHasTheDeployersSettingsAndItsBond() {
    LotterySettings settings = lottery.settings();

    assertThat(lottery.hasCode()).isTrue();
    assertThat(lottery.chainId()).isEqualTo(LocalAnvil.CHAIN_ID);
    assertThat(deployment.blockNumber()).isPositive().isLessThanOrEqualTo(chain.latestBlock());
    assertThat(settings.publisher()).isEqualTo(chain.publisher().address());
    assertThat(settings.operator()).isEqualTo(chain.operator().address());
    assertThat(lottery.operator()).isEqualTo(chain.operator().address());
    assertThat(settings.publisherCommissionBps()).isEqualTo(500);
    assertThat(settings.revealPenaltyBps()).isEqualTo(1_000);
    assertThat(settings.operatorBond()).isEqualTo(ONE_ETHER.multiply(BigInteger.TEN));
    assertThat(settings.maxPot()).isEqualTo(ONE_ETHER.multiply(BigInteger.valueOf(100)));
    assertThat(settings.operatorChangeDelay()).isEqualTo(Duration.ofHours(1));
    assertThat(settings.maxTotalExtension()).isEqualTo(Duration.ofDays(1));
    assertThat(settings.minParticipants()).isEqualTo(2);
    assertThat(settings.minBetAmount()).isPositive();
    assertThat(settings.bettingDuration()).isPositive();
    assertThat(settings.paused()).isFalse();
    assertThat(settings.hasPendingOperator()).isFalse();
    assertThat(settings.unrevealedRounds()).isZero();

    Round first = lottery.round();
    assertThat(lottery.currentRoundId()).isEqualTo(1);
    assertThat(first.roundId()).isEqualTo(1);
    assertThat(first.state()).isEqualTo(RoundState.WAITING);
    assertThat(first.seedCommitted()).isFalse();
    assertThat(first.hasWinner()).isFalse();
  }

  @Test
  void betsShowInTheRoundItsParticipantsAndItsBets() {
    chain.send(chain.player(0), lottery.placeBet(TENTH));
    chain.send(chain.player(1), lottery.placeBet(TENTH.multiply(BigInteger.TWO)));
    chain.send(chain.player(0), lottery.placeBet(TENTH));

    Round round = lottery.round();
    assertThat(round.state()).isEqualTo(RoundState.BETTING);
    assertThat(round.totalPot()).isEqualTo(TENTH.multiply(BigInteger.valueOf(4)));
    assertThat(round.participantCount()).isEqualTo(2);
    assertThat(round.betCount()).isEqualTo(3);
    assertThat(round.endTime()).isAfter(round.startTime());
    assertThat(round.minDrawTime()).isAfter(round.endTime());
    assertThat(round.maxDrawTime()).isAfter(round.minDrawTime());

    String alice = chain.player(0).address();
    String bob = chain.player(1).address();
    assertThat(lottery.participants(0, 10))
        .containsExactly(
            new Participant(alice, TENTH.multiply(BigInteger.TWO)),
            new Participant(bob, TENTH.multiply(BigInteger.TWO)));
    assertThat(lottery.participants(1, 1, 10))
        .containsExactly(new Participant(bob, TENTH.multiply(BigInteger.TWO)));
    assertThat(lottery.bets(1, 0, 10))
        .extracting(Bet::bettor, Bet::cumulativeTotal)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(alice, TENTH),
            org.assertj.core.groups.Tuple.tuple(bob, TENTH.multiply(BigInteger.valueOf(3))),
            org.assertj.core.groups.Tuple.tuple(alice, TENTH.multiply(BigInteger.valueOf(4))));
    assertThat(lottery.betAmount(alice)).isEqualTo(TENTH.multiply(BigInteger.TWO));
    assertThat(lottery.betAmount(1, bob)).isEqualTo(TENTH.multiply(BigInteger.TWO));
  }

  @Test
  void readsAtAnEarlierBlockSeeTheStateOfThatBlock() {
    long before = chain.latestBlock();
    chain.send(chain.player(0), lottery.placeBet(TENTH));

    assertThat(lottery.atBlock(before).round().state()).isEqualTo(RoundState.WAITING);
    assertThat(lottery.round().state()).isEqualTo(RoundState.BETTING);
    assertThat(lottery.atBlock(before).settings().operatorBond())
        .isEqualTo(lottery.settings().operatorBond());
  }

  @Test
  void theContractsCommitmentIsDrawMaths() {
    for (long round = 1; round <= 3; round++) {
      for (String seed : new String[] {"00", "11", "ff", "a5"}) {
        Hex32 value = Hex32.parse(seed.repeat(32));
        assertThat(lottery.computeCommitment(round, value))
            .isEqualTo(DrawMath.commitment(LocalAnvil.CHAIN_ID, lottery.address(), round, value));
      }
    }
  }

  @Test
  void aCommittedRoundIsDrawnAsDrawMathPredicts() {
    chain.send(chain.player(0), lottery.placeBet(TENTH));
    chain.send(chain.player(1), lottery.placeBet(TENTH.multiply(BigInteger.valueOf(3))));
    chain.send(chain.player(2), lottery.placeBet(TENTH.multiply(BigInteger.TWO)));
    Hex32 seed = Hex32.parse("c0ffee".repeat(10) + "0000");

    chain.commitAndDraw(lottery, seed, chain.player(3));

    Round drawn = lottery.roundById(1);
    BigInteger point = DrawMath.winningPoint(seed, 1, drawn.totalPot());
    int index =
        DrawMath.winnerIndex(
            lottery.bets(1, 0, 10).stream().map(Bet::cumulativeTotal).toList(), point);
    assertThat(drawn.state()).isEqualTo(RoundState.COMPLETED);
    assertThat(drawn.revealedSeed()).isEqualTo(seed);
    assertThat(drawn.winner()).isEqualTo(lottery.bets(1, 0, 10).get(index).bettor());
    assertThat(drawn.winnerPrize().add(drawn.publisherCommission())).isEqualTo(drawn.totalPot());
    assertThat(lottery.pendingWithdrawal(chain.publisher().address()))
        .isEqualTo(drawn.publisherCommission());
    assertThat(lottery.currentRoundId()).isEqualTo(2);
    assertThat(lottery.round().state()).isEqualTo(RoundState.WAITING);
  }

  @Test
  void aRefundedRoundOwesEachPlayerTheirBet() {
    chain.send(chain.player(0), lottery.placeBet(TENTH));
    chain.send(chain.operator(), lottery.refundRound());

    assertThat(lottery.roundById(1).state()).isEqualTo(RoundState.REFUNDED);
    assertThat(lottery.refundOwed(1, chain.player(0).address())).isEqualTo(TENTH);
    chain.send(chain.player(0), lottery.claimRefund(1));
    assertThat(lottery.refundOwed(1, chain.player(0).address())).isZero();
  }

  @Test
  void operatorCallsChangeTheSettings() {
    chain.send(chain.operator(), lottery.updateMinBetAmount(TENTH));
    chain.send(chain.operator(), lottery.updateBettingDuration(Duration.ofMinutes(10)));
    chain.send(chain.operator(), lottery.updateMinParticipants(3));
    chain.send(
        chain.operator(), lottery.updateDrawDelays(Duration.ofSeconds(5), Duration.ofMinutes(5)));
    chain.send(chain.operator(), lottery.updateMinEndTimeExtension(Duration.ofMinutes(1)));
    chain.send(chain.operator(), lottery.setPaused(true));

    LotterySettings settings = lottery.settings();
    assertThat(settings.minBetAmount()).isEqualTo(TENTH);
    assertThat(settings.bettingDuration()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.minParticipants()).isEqualTo(3);
    assertThat(settings.minDrawDelayAfterEnd()).isEqualTo(Duration.ofSeconds(5));
    assertThat(settings.maxDrawDelayAfterEnd()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.minEndTimeExtension()).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.paused()).isTrue();
  }

  @Test
  void aRejectedReadNamesTheContractsError() {
    assertThatThrownBy(() -> lottery.roundById(99))
        .isInstanceOfSatisfying(
            ContractCallException.class, e -> assertThat(e.reason()).isEqualTo("UnknownRound(99)"))
        .hasMessageContaining("getRoundById");
  }

  @Test
  void aSimulationThatRevertsSendsNothing() {
    long before = chain.latestBlock();
    assertThatThrownBy(() -> chain.send(chain.player(0), lottery.startRound()))
        .isInstanceOfSatisfying(
            ContractCallException.class, e -> assertThat(e.reason()).isEqualTo("NotOperator()"));
    assertThat(chain.latestBlock()).isEqualTo(before);
  }

  @Test
  void anAddressWithoutCodeIsNoLottery() {
    Web3jLotteryContract nothing = chain.contract(chain.player(5).address());

    assertThat(nothing.hasCode()).isFalse();
    assertThatThrownBy(nothing::round)
        .isInstanceOf(ContractCallException.class)
        .hasMessageContaining("no contract at " + chain.player(5).address());
  }

  @Test
  void anUnreachableNodeIsUnavailable() {
    try (Web3jLotteryContract unreachable =
        Web3jLotteryContract.connect("http://127.0.0.1:9/v3/SECRETKEY", lottery.address())) {
      assertThatThrownBy(unreachable::round)
          .isInstanceOf(ChainUnavailableException.class)
          .hasMessageContaining("http://127.0.0.1:9/…")
          .hasMessageNotContaining("SECRETKEY");
    }
  }

  @Test
  void theDeployerRefusesTheDeployerAsOperator() {
    LotteryDeployer.Options options =
        LotteryDeployer.Options.forLocalChain(chain.publisher().address());

    assertThatThrownBy(() -> chain.deploy(options))
        .isInstanceOfSatisfying(
            ContractCallException.class,
            e -> assertThat(e.reason()).startsWith("OperatorIsPublisher"));
  }

  @Test
  void theDeployerCanSkipTheBond() {
    LotteryDeployer.Deployment bare =
        chain.deploy(
            LotteryDeployer.Options.forLocalChain(chain.operator().address())
                .withBond(BigInteger.ZERO));

    assertThat(chain.contract(bare.address()).settings().operatorBond()).isZero();
  }
}
