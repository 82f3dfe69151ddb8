package io.enclavelottery.frontend.feed.bench;

import io.enclavelottery.chain.contract.LotteryTestChain;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.frontend.http.JsonResponses;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.math.BigInteger;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fan-out benchmark's control: {@code GET /bench/bet} places one bet on chain (from the next of
 * eight players) and answers its transaction hash once it is mined; {@code GET
 * /bench/arrival?tx=HASH} answers when that bet's activity item reached the feed ({@link
 * System#nanoTime()}), or 404 while it has not.
 */
final class BenchControl implements HttpHandler {

  private static final int PLAYERS = 8;

  private final LotteryTestChain chain;
  private final Web3jLotteryContract lottery;
  private final Map<String, Long> arrivals = new ConcurrentHashMap<>();
  private long bets; // worker threads, one request at a time from the benchmark client

  BenchControl(LotteryTestChain chain, Web3jLotteryContract lottery) {
    this.chain = chain;
    this.lottery = lottery;
  }

  /** A bet's activity item reached the feed (called right after the feed took it). */
  void arrived(String transactionHash, long nanos) {
    arrivals.putIfAbsent(transactionHash, nanos);
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) {
    if (exchange.isInIoThread()) {
      exchange.dispatch(this); // placing a bet waits for the chain
      return;
    }
    switch (exchange.getRelativePath()) {
      case "/bet" -> bet(exchange);
      case "/arrival" -> arrival(exchange);
      default -> JsonResponses.error(exchange, 404, "no such benchmark control");
    }
  }

  private synchronized void bet(HttpServerExchange exchange) {
    BigInteger minimum = lottery.settings().minBetAmount();
    String transaction =
        chain
            .send(chain.player((int) (bets++ % PLAYERS)), lottery.placeBet(minimum))
            .getTransactionHash();
    exchange.getResponseSender().send(transaction);
  }

  private void arrival(HttpServerExchange exchange) {
    Deque<String> transaction = exchange.getQueryParameters().get("tx");
    Long nanos = transaction == null ? null : arrivals.get(transaction.getFirst());
    if (nanos == null) {
      JsonResponses.error(exchange, 404, "not arrived yet");
      return;
    }
    exchange.getResponseSender().send(Long.toString(nanos));
  }
}
