package io.enclavelottery.frontend.http;

import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.frontend.view.LotteryView;
import io.enclavelottery.frontend.view.ViewSnapshot;
import io.undertow.server.HttpServerExchange;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/round/player?player=0x…}: what the address has bet in the current round and its
 * chance (from the view), and what the contract owes it (read from the chain at the view's block,
 * on the {@link ChainReadPool}): its {@code pendingWithdrawals} and the {@code refundOwed} of each
 * refunded round it has not claimed.
 */
final class PlayerEndpoint {

  /** The most refunded rounds read for one player (the oldest ones beyond are not). */
  static final int MAX_REFUND_ROUNDS = 20;

  /** What the contract owes one refunded round's player. */
  record RefundOwed(long roundId, BigInteger amount) {}

  /** What the contract owes the player, in wei. */
  record Owed(BigInteger pendingWithdrawal, List<RefundOwed> refunds, BigInteger total) {}

  /** The response. {@code chance} is the share of the pot, 0 to 1. */
  record Player(
      String player,
      long roundId,
      BigInteger amount,
      BigInteger totalPot,
      double chance,
      Owed owed,
      long block) {}

  private final LotteryView view;
  private final LotteryContract contract;
  private final ChainReadPool reads;

  PlayerEndpoint(LotteryView view, LotteryContract contract, ChainReadPool reads) {
    this.view = view;
    this.contract = contract;
    this.reads = reads;
  }

  void handle(HttpServerExchange exchange) {
    String player = new QueryParameters(exchange).address("player");
    ViewSnapshot snapshot = view.snapshot();
    if (!snapshot.sync().ready() || snapshot.sync().viewBlock() < 0) {
      throw new HttpProblem(503, "the view is still being rebuilt from the chain; try again");
    }
    reads.respond(exchange, () -> answer(player, snapshot));
  }

  private Player answer(String player, ViewSnapshot snapshot) {
    var participants = snapshot.participants();
    BigInteger amount = participants.amountOf(player);
    BigInteger pot = participants.totalPot();
    double chance =
        pot.signum() == 0
            ? 0
            : new BigDecimal(amount)
                .divide(new BigDecimal(pot), MathContext.DECIMAL64)
                .doubleValue();
    long block = snapshot.sync().viewBlock();
    return new Player(
        player, participants.roundId(), amount, pot, chance, owed(player, snapshot, block), block);
  }

  private Owed owed(String player, ViewSnapshot snapshot, long block) {
    LotteryContract at = contract.atBlock(block);
    BigInteger pending = at.pendingWithdrawal(player);
    List<RefundOwed> refunds = new ArrayList<>();
    BigInteger total = pending;
    List<Long> rounds = snapshot.refunds().roundsOf(player);
    for (long roundId : rounds.subList(0, Math.min(rounds.size(), MAX_REFUND_ROUNDS))) {
      BigInteger owed = at.refundOwed(roundId, player);
      if (owed.signum() > 0) {
        refunds.add(new RefundOwed(roundId, owed));
        total = total.add(owed);
      }
    }
    return new Owed(pending, refunds, total);
  }
}
