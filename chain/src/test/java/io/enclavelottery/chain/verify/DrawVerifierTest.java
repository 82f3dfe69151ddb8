package io.enclavelottery.chain.verify;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.Bet;
import io.enclavelottery.chain.contract.DrawMath;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.events.EventPosition;
import io.enclavelottery.chain.events.LotteryEventLog;
import io.enclavelottery.chain.events.RoundCompleted;
import io.enclavelottery.chain.events.RoundEvent;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class DrawVerifierTest {

  private static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final List<String> PLAYERS =
      List.of(
          "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
          "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc",
          "0x90f79bf6eb2c4f870365e785982e1f101e93b906");
  private static final Hex32 SEED = Hex32.parse("42".repeat(32));
  private static final long ROUND = 2;

  private final InMemoryLotteryContract contract =
      new InMemoryLotteryContract(LOTTERY).setChainId(31337).setBlockNumber(100);
  private final List<RoundEvent> events = new ArrayList<>();
  private final LotteryEventLog eventLog = new ListedEvents(events);

  /** 1200 bets of 1..7 wei from three players, so the bets span several getBets pages. */
  private final List<Bet> bets = bets(1200);

  private final BigInteger pot = bets.get(bets.size() - 1).cumulativeTotal();
  private final String winner =
      bets.get(
              DrawMath.winnerIndex(
                  bets.stream().map(Bet::cumulativeTotal).toList(),
                  DrawMath.winningPoint(SEED, ROUND, pot)))
          .bettor();

  @Test
  void anHonestDrawMatches() {
    drawn(round -> round);

    DrawVerification result = verifier().verify(ROUND);

    assertThat(result.matches()).isTrue();
    assertThat(result.reason()).contains("selects " + winner).contains("1200 bets");
    assertThat(result.recomputedCommitment()).contains(commitment());
    assertThat(result.commitment()).isEqualTo(commitment());
    assertThat(result.revealedSeed()).isEqualTo(SEED);
    assertThat(result.winningPoint()).contains(DrawMath.winningPoint(SEED, ROUND, pot));
    assertThat(result.recomputedWinner()).contains(winner);
    assertThat(result.winnerOnChain()).isEqualTo(winner);
    assertThat(result.drawnAt()).isPresent();
    assertThat(result.chainId()).isEqualTo(31337);
    assertThat(result.contract()).isEqualTo(LOTTERY);
    assertThat(result.verifiedAtBlock()).isEqualTo(100);
    assertThat(result.betCount()).isEqualTo(1200);
  }

  @Test
  void aWinnerOtherThanTheSeedSelectsDoesNotMatch() {
    String other = PLAYERS.stream().filter(p -> !p.equals(winner)).findFirst().orElseThrow();
    drawn(round -> withWinner(round, other));

    DrawVerification result = verifier().verify(ROUND);

    assertThat(result.matches()).isFalse();
    assertThat(result.reason())
        .contains("falls in the bet of " + winner)
        .contains("recorded " + other);
  }

  @Test
  void aSeedThatDoesNotHashToTheCommitmentDoesNotMatch() {
    drawn(round -> withCommitment(round, Hex32.parse("99".repeat(32))));

    DrawVerification result = verifier().verify(ROUND);

    assertThat(result.matches()).isFalse();
    assertThat(result.reason()).contains("not to the commitment 0x9999");
  }

  @Test
  void aDrawWithoutCommitmentDoesNotMatch() {
    drawn(round -> withCommitment(round, Hex32.ZERO));

    assertThat(verifier().verify(ROUND).reason()).contains("without a commitment");
  }

  @Test
  void aMissingOrDifferentEventDoesNotMatch() {
    drawn(round -> round);
    events.clear();

    assertThat(verifier().verify(ROUND).reason()).contains("no RoundCompleted event");

    events.add(completedEvent(PLAYERS.get(0).equals(winner) ? PLAYERS.get(1) : PLAYERS.get(0)));
    DrawVerification result = verifier().verify(ROUND);
    assertThat(result.matches()).isFalse();
    assertThat(result.reason()).contains("the RoundCompleted event names");
  }

  @Test
  void betsThatDoNotAddUpToThePotDoNotMatch() {
    drawn(round -> round);
    contract.putBets(ROUND, bets.subList(0, 1199));

    DrawVerification result = verifier().verify(ROUND);

    assertThat(result.matches()).isFalse();
    assertThat(result.reason()).contains("returned 1199 bets").contains("add up to");
  }

  @Test
  void aRefundedRoundWasNotDrawn() {
    contract.putRound(
        round(ROUND, RoundState.REFUNDED, Round.NO_ADDRESS, Hex32.ZERO, commitment()));

    DrawVerification result = verifier().verify(ROUND);

    assertThat(result.matches()).isFalse();
    assertThat(result.state()).isEqualTo(RoundState.REFUNDED);
    assertThat(result.reason()).contains("refunded");
    assertThat(result.recomputedWinner()).isEmpty();
  }

  @Test
  void aRunningRoundWasNotDrawnYet() {
    contract.putRound(round(ROUND, RoundState.BETTING, Round.NO_ADDRESS, Hex32.ZERO, commitment()));

    assertThat(verifier().verify(ROUND).reason()).contains("still running");
  }

  @Test
  void anUnknownRoundDoesNotExist() {
    drawn(round -> round);

    DrawVerification result = verifier().verify(7);

    assertThat(result.matches()).isFalse();
    assertThat(result.reason()).contains("round 7 does not exist").contains("1 to 2");
  }

  private DrawVerifier verifier() {
    return new DrawVerifier(contract, eventLog, 0);
  }

  private Hex32 commitment() {
    return DrawMath.commitment(31337, LOTTERY, ROUND, SEED);
  }

  private void drawn(UnaryOperator<Round> change) {
    contract.putRound(round(1, RoundState.COMPLETED, Round.NO_ADDRESS, Hex32.ZERO, Hex32.ZERO));
    contract.putRound(change.apply(round(ROUND, RoundState.COMPLETED, winner, SEED, commitment())));
    contract.putBets(ROUND, bets);
    events.add(completedEvent(winner));
  }

  private RoundCompleted completedEvent(String eventWinner) {
    BigInteger prize = pot.multiply(BigInteger.valueOf(95)).divide(BigInteger.valueOf(100));
    return new RoundCompleted(
        new EventPosition(LOTTERY, 90, "0x" + "ab".repeat(32), "0x" + "cd".repeat(32), 0),
        ROUND,
        eventWinner,
        pot,
        prize,
        pot.subtract(prize),
        SEED,
        Instant.ofEpochSecond(2000));
  }

  private Round round(long id, RoundState state, String roundWinner, Hex32 seed, Hex32 commitment) {
    return new Round(
        id,
        Instant.ofEpochSecond(1000),
        Instant.ofEpochSecond(1300),
        Instant.ofEpochSecond(1310),
        Instant.ofEpochSecond(1900),
        pot,
        PLAYERS.size(),
        roundWinner,
        BigInteger.ZERO,
        BigInteger.ZERO,
        state,
        commitment,
        seed,
        bets.size(),
        Duration.ZERO,
        BigInteger.ZERO);
  }

  private static Round withWinner(Round r, String newWinner) {
    return new Round(
        r.roundId(),
        r.startTime(),
        r.endTime(),
        r.minDrawTime(),
        r.maxDrawTime(),
        r.totalPot(),
        r.participantCount(),
        newWinner,
        r.publisherCommission(),
        r.winnerPrize(),
        r.state(),
        r.seedCommitment(),
        r.revealedSeed(),
        r.betCount(),
        r.totalExtension(),
        r.revealPenalty());
  }

  private static Round withCommitment(Round r, Hex32 commitment) {
    return new Round(
        r.roundId(),
        r.startTime(),
        r.endTime(),
        r.minDrawTime(),
        r.maxDrawTime(),
        r.totalPot(),
        r.participantCount(),
        r.winner(),
        r.publisherCommission(),
        r.winnerPrize(),
        r.state(),
        commitment,
        r.revealedSeed(),
        r.betCount(),
        r.totalExtension(),
        r.revealPenalty());
  }

  private static List<Bet> bets(int count) {
    List<Bet> bets = new ArrayList<>();
    BigInteger total = BigInteger.ZERO;
    for (int i = 0; i < count; i++) {
      total = total.add(BigInteger.valueOf(1 + (i * 5L) % 7));
      bets.add(new Bet(PLAYERS.get(i % PLAYERS.size()), total));
    }
    return bets;
  }

  /** Events served from a list, filtered as {@code eth_getLogs} would. */
  private record ListedEvents(List<RoundEvent> events) implements LotteryEventLog {
    @Override
    public List<RoundEvent> roundEvents(long roundId, long fromBlock, long toBlock) {
      return events.stream()
          .filter(e -> e.roundId() == roundId)
          .filter(e -> e.position().blockNumber() >= fromBlock)
          .filter(e -> e.position().blockNumber() <= toBlock)
          .toList();
    }

    @Override
    public long latestBlock() {
      return 100;
    }
  }
}
