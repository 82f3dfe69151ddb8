package io.enclavelottery.chain.verify;

import io.enclavelottery.chain.contract.Bet;
import io.enclavelottery.chain.contract.DrawMath;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.events.LotteryEventLog;
import io.enclavelottery.chain.events.RoundCompleted;
import io.enclavelottery.chain.events.Web3jLotteryEventLog;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.web3j.protocol.Web3j;

/**
 * Re-does a round's draw from chain data alone, for auditors ({@code lottery verify-draw}) and the
 * feed: nothing the operator says is trusted.
 *
 * <p>{@link #verify(long)} reads, all at one block: the round (its commitment, revealed seed, pot
 * and winner), its bets through {@code getBets} a page at a time, and its {@code RoundCompleted}
 * event. It then checks that
 *
 * <ol>
 *   <li>the revealed seed hashes to the commitment made before betting closed ({@link
 *       DrawMath#commitment}), so the operator could not choose the seed after seeing the bets;
 *   <li>the bets' running totals rise strictly and end at the pot;
 *   <li>the winning point derived from the seed and the round alone ({@link DrawMath#winningPoint})
 *       falls in the range of the recorded winner's bet ({@link DrawMath#winnerIndex});
 *   <li>the {@code RoundCompleted} event names the same winner, seed and pot.
 * </ol>
 *
 * <p>A round that was not drawn (still running, refunded, unknown) gives a {@link DrawVerification}
 * that does not match and says why; only a node that cannot be asked throws ({@link
 * io.enclavelottery.chain.contract.ChainUnavailableException}).
 *
 * <p>Usage: {@code DrawVerifier.overRpc(web3j, rpcUrl, contract).verify(roundId)}, or the
 * constructor with the deployment block as {@code searchFromBlock} where the node limits log
 * queries.
 */
public final class DrawVerifier {

  private static final long BET_PAGE = 500;

  private final LotteryContract contract;
  private final LotteryEventLog events;
  private final long searchFromBlock;

  /**
   * @param contract the lottery, read at its latest block
   * @param events where to look for the {@code RoundCompleted} event
   * @param searchFromBlock the first block to search for it (the deployment block, or 0)
   */
  public DrawVerifier(LotteryContract contract, LotteryEventLog events, long searchFromBlock) {
    this.contract = Objects.requireNonNull(contract, "contract");
    this.events = Objects.requireNonNull(events, "events");
    this.searchFromBlock = Math.max(0, searchFromBlock);
  }

  /** A verifier over a web3j client (which the caller shuts down), searching events from 0. */
  public static DrawVerifier overRpc(Web3j web3j, String rpcUrl, String contract) {
    return new DrawVerifier(
        new Web3jLotteryContract(web3j, rpcUrl, contract),
        new Web3jLotteryEventLog(web3j, rpcUrl, contract),
        0);
  }

  /**
   * Verifies one round's draw at the latest block.
   *
   * @throws io.enclavelottery.chain.contract.ChainUnavailableException when the node cannot be
   *     asked
   */
  public DrawVerification verify(long roundId) {
    long block = contract.blockNumber();
    LotteryContract at = contract.atBlock(block);
    long chainId = at.chainId();
    long latestRound = at.currentRoundId();
    if (roundId < 1 || roundId > latestRound) {
      String reason =
          "round %d does not exist (rounds run from 1 to %d)".formatted(roundId, latestRound);
      return notDrawn(roundId, chainId, block, Optional.empty(), reason);
    }
    Round round = at.roundById(roundId);
    if (round.state() != RoundState.COMPLETED) {
      return notDrawn(roundId, chainId, block, Optional.of(round), notDrawnReason(round));
    }
    List<Bet> bets = allBets(at, roundId, round.betCount());
    Optional<RoundCompleted> completed = completedEvent(roundId, block);
    DrawChecks checks =
        new DrawChecks(chainId, at.address(), round, bets)
            .commitment()
            .bets()
            .winner()
            .event(completed, "between blocks %d and %d".formatted(searchFromBlock, block));
    List<String> problems = checks.problems();
    String reason =
        problems.isEmpty()
            ? "the revealed seed matches the commitment and selects %s, the recorded winner, out of %d bets"
                .formatted(round.winner(), bets.size())
            : String.join("; ", problems);
    return new DrawVerification(
        roundId,
        chainId,
        at.address(),
        block,
        round.state(),
        round.totalPot(),
        round.betCount(),
        round.seedCommitment(),
        round.revealedSeed(),
        Optional.of(checks.recomputedCommitment()),
        checks.winningPoint(),
        checks.recomputedWinner(),
        round.winner(),
        completed.map(RoundCompleted::position),
        problems.isEmpty(),
        reason);
  }

  private static String notDrawnReason(Round round) {
    long id = round.roundId();
    return switch (round.state()) {
      case WAITING -> "round " + id + " has not started, so it was not drawn";
      case BETTING, DRAWING ->
          "round %d is still running (%s), so it has not been drawn yet"
              .formatted(id, round.state());
      case REFUNDED -> "round " + id + " was refunded, so there was no draw";
      case COMPLETED -> throw new IllegalStateException("a completed round was drawn");
    };
  }

  private DrawVerification notDrawn(
      long roundId, long chainId, long block, Optional<Round> round, String reason) {
    return new DrawVerification(
        roundId,
        chainId,
        contract.address(),
        block,
        round.map(Round::state).orElse(RoundState.WAITING),
        round.map(Round::totalPot).orElse(BigInteger.ZERO),
        round.map(Round::betCount).orElse(0L),
        round.map(Round::seedCommitment).orElse(Hex32.ZERO),
        round.map(Round::revealedSeed).orElse(Hex32.ZERO),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        round.map(Round::winner).orElse(Round.NO_ADDRESS),
        Optional.empty(),
        false,
        reason);
  }

  private static List<Bet> allBets(LotteryContract at, long roundId, long betCount) {
    List<Bet> bets = new ArrayList<>();
    while (bets.size() < betCount) {
      List<Bet> page = at.bets(roundId, bets.size(), Math.min(BET_PAGE, betCount - bets.size()));
      if (page.isEmpty()) {
        break;
      }
      bets.addAll(page);
    }
    return bets;
  }

  private Optional<RoundCompleted> completedEvent(long roundId, long block) {
    return events.roundEvents(roundId, searchFromBlock, block).stream()
        .filter(RoundCompleted.class::isInstance)
        .map(RoundCompleted.class::cast)
        .reduce((first, second) -> second);
  }
}
