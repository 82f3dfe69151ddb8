package io.enclavelottery.chain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.DrawMath;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.contract.LotteryTestChain;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.LocalAnvil;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Convert;

/**
 * Drives a lottery through two rounds, every setting and an operator change on Anvil, then decodes
 * every log it wrote. Only PrizeCredited (a winner that refuses ether) is left to the unit test.
 */
class LotteryEventsIT {

  private static final BigInteger TENTH =
      Convert.toWei("0.1", Convert.Unit.ETHER).toBigIntegerExact();
  private static final Hex32 SEED_1 = Hex32.parse("01".repeat(32));
  private static final Hex32 SEED_2 = Hex32.parse("02".repeat(32));

  @AutoClose private static LotteryTestChain chain;
  private static LotteryDeployer.Deployment deployment;
  private static Web3jLotteryContract lottery;
  private static List<Log> logs;

  @BeforeAll
  static void playTwoRounds() throws IOException {
    chain = LotteryTestChain.start();
    deployment = chain.deploy();
    lottery = chain.contract(deployment.address());
    var operator = chain.operator();

    chain.send(operator, lottery.updateMinBetAmount(TENTH.divide(BigInteger.TEN)));
    chain.send(operator, lottery.updateBettingDuration(Duration.ofMinutes(5)));
    chain.send(operator, lottery.updateMinParticipants(2));
    chain.send(operator, lottery.updateDrawDelays(Duration.ofSeconds(10), Duration.ofMinutes(2)));
    chain.send(operator, lottery.updateMinEndTimeExtension(Duration.ofMinutes(1)));
    chain.send(operator, lottery.setPaused(true));
    chain.send(operator, lottery.setPaused(false));
    chain.send(
        operator, lottery.withdrawBond(Convert.toWei("1", Convert.Unit.ETHER).toBigIntegerExact()));

    // round 1: drawn
    chain.send(chain.player(0), lottery.placeBet(TENTH));
    chain.send(chain.player(1), lottery.placeBet(TENTH.multiply(BigInteger.TWO)));
    Round first = lottery.round();
    chain.send(operator, lottery.extendBettingTime(first.endTime().plusSeconds(60)));
    chain.send(
        operator, lottery.commitSeed(commitment(1, SEED_1), first.endTime().plusSeconds(60)));
    chain.mineAt(lottery.round().minDrawTime());
    chain.send(chain.player(2), lottery.drawWinner(SEED_1));
    chain.send(chain.publisher(), lottery.withdraw());

    // round 2: committed, never revealed, refunded with the penalty
    chain.send(chain.player(0), lottery.placeBet(TENTH));
    chain.send(chain.player(1), lottery.placeBet(TENTH));
    chain.send(operator, lottery.commitSeed(commitment(2, SEED_2), lottery.round().endTime()));
    chain.mineAt(lottery.round().maxDrawTime().plusSeconds(1));
    chain.send(chain.player(2), lottery.refundExpiredRound());
    chain.send(chain.player(0), lottery.claimRefund(2));

    // an operator change cancelled, then one carried out; each candidate deposits its bond early
    BigInteger bond = Convert.toWei("1", Convert.Unit.ETHER).toBigIntegerExact();
    chain.send(chain.publisher(), lottery.proposeOperator(chain.player(4).address()));
    chain.send(chain.player(4), lottery.depositBond(bond));
    chain.send(chain.publisher(), lottery.cancelOperatorChange());
    chain.send(chain.publisher(), lottery.proposeOperator(chain.player(5).address()));
    chain.send(chain.player(5), lottery.depositBond(bond));
    chain.advance(Duration.ofHours(1).plusSeconds(1));
    chain.send(chain.player(2), lottery.activateOperator());

    EthLog answer =
        chain
            .web3j()
            .ethGetLogs(
                new EthFilter(
                    DefaultBlockParameter.valueOf(BigInteger.valueOf(deployment.blockNumber())),
                    DefaultBlockParameterName.LATEST,
                    deployment.address()))
            .send();
    logs = new ArrayList<>();
    answer.getLogs().forEach(result -> logs.add((Log) result.get()));
  }

  @Test
  void everyLogOfTheLotteryDecodes() {
    assertThat(logs).isNotEmpty();
    assertThat(logs)
        .allSatisfy(
            log -> assertThat(LotteryEventDecoder.decode(log)).as(log.toString()).isPresent());
  }

  @Test
  void twentyTwoOfTheTwentyThreeEventTypesAppear() {
    assertThat(events().stream().map(LotteryEvent::name).distinct())
        .containsExactlyInAnyOrder(
            "RoundCreated",
            "BetPlaced",
            "EndTimeExtended",
            "RoundStateChanged",
            "RoundCompleted",
            "RoundRefunded",
            "MinBetAmountUpdated",
            "BettingDurationUpdated",
            "MinParticipantsUpdated",
            "OperatorUpdated",
            "Withdrawn",
            "DrawDelaysUpdated",
            "MinEndTimeExtensionUpdated",
            "SeedCommitted",
            "RevealWithheld",
            "RefundClaimed",
            "BondDeposited",
            "BondWithdrawn",
            "PausedSet",
            "OperatorChangeProposed",
            "PendingBondDeposited",
            "OperatorChangeCancelled");
  }

  @Test
  void positionsAreThoseOfTheLogs() {
    List<LotteryEvent> events = events();
    assertThat(events)
        .allSatisfy(
            event -> {
              assertThat(event.position().contract()).isEqualTo(deployment.address());
              assertThat(event.position().blockNumber())
                  .isGreaterThanOrEqualTo(deployment.blockNumber());
              assertThat(event.position().transactionHash()).startsWith("0x").hasSize(66);
            });
    assertThat(events).isSortedAccordingTo((a, b) -> a.position().compareTo(b.position()));
  }

  @Test
  void valuesMatchWhatWasDone() {
    List<LotteryEvent> events = events();
    assertThat(only(events, BetPlaced.class).get(1))
        .satisfies(
            bet -> {
              assertThat(bet.roundId()).isEqualTo(1);
              assertThat(bet.player()).isEqualTo(chain.player(1).address());
              assertThat(bet.amount()).isEqualTo(TENTH.multiply(BigInteger.TWO));
              assertThat(bet.newTotal()).isEqualTo(TENTH.multiply(BigInteger.valueOf(3)));
            });
    assertThat(only(events, SeedCommitted.class))
        .extracting(SeedCommitted::commitment)
        .containsExactly(commitment(1, SEED_1), commitment(2, SEED_2));
    RoundCompleted completed = only(events, RoundCompleted.class).get(0);
    assertThat(completed.randomSeed()).isEqualTo(SEED_1);
    assertThat(completed.winner()).isEqualTo(lottery.roundById(1).winner());
    assertThat(only(events, RoundStateChanged.class))
        .extracting(RoundStateChanged::newState)
        .contains(
            RoundState.BETTING, RoundState.DRAWING, RoundState.COMPLETED, RoundState.REFUNDED);
    assertThat(only(events, RevealWithheld.class).get(0).unrevealedRounds()).isEqualTo(1);
    assertThat(only(events, RoundRefunded.class).get(0).reason()).isNotBlank();
    assertThat(only(events, PausedSet.class))
        .extracting(PausedSet::paused)
        .containsExactly(true, false);
    assertThat(only(events, OperatorUpdated.class))
        .extracting(OperatorUpdated::newOperator)
        .containsExactly(chain.operator().address(), chain.player(5).address());
    assertThat(only(events, DrawDelaysUpdated.class).get(0).newMaxDelay())
        .isEqualTo(Duration.ofMinutes(2));
  }

  @Test
  void theEventLogFindsOneRoundsEvents() {
    LotteryEventLog log =
        new Web3jLotteryEventLog(chain.web3j(), chain.rpcUrl(), deployment.address());

    List<RoundEvent> second = log.roundEvents(2, deployment.blockNumber(), log.latestBlock());

    assertThat(second).allSatisfy(event -> assertThat(event.roundId()).isEqualTo(2));
    assertThat(second.stream().map(LotteryEvent::name))
        .contains(
            "RoundCreated",
            "BetPlaced",
            "SeedCommitted",
            "RevealWithheld",
            "RoundRefunded",
            "RefundClaimed")
        .doesNotContain("RoundCompleted");
    assertThat(log.roundEvents(1, deployment.blockNumber(), log.latestBlock()))
        .filteredOn(RoundCompleted.class::isInstance)
        .hasSize(1);
  }

  @Test
  void aSearchBeforeTheDeploymentFindsNothing() {
    LotteryEventLog log =
        new Web3jLotteryEventLog(chain.web3j(), chain.rpcUrl(), deployment.address());

    assertThat(log.roundEvents(1, 0, deployment.blockNumber() - 1)).isEmpty();
  }

  private static List<LotteryEvent> events() {
    return logs.stream().map(LotteryEventDecoder::decode).flatMap(Optional::stream).toList();
  }

  private static <T extends LotteryEvent> List<T> only(List<LotteryEvent> events, Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static Hex32 commitment(long roundId, Hex32 seed) {
    return DrawMath.commitment(LocalAnvil.CHAIN_ID, lottery.address(), roundId, seed);
  }
}
