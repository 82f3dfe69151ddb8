package io.enclavelottery.frontend.http;

import io.enclavelottery.frontend.view.LotteryView;
import io.enclavelottery.frontend.view.ParticipantsSnapshot;
import io.enclavelottery.frontend.view.ViewLimits;
import io.enclavelottery.frontend.view.ViewSnapshot;
import io.undertow.server.HttpServerExchange;

/**
 * The REST endpoints answered from the view's latest snapshot alone: no chain call, no waiting,
 * safe on the I/O thread. Bodies that take no parameter are serialised once per change of what they
 * show.
 */
final class ViewEndpoints {

  /** The most players one response lists. */
  static final int MAX_PARTICIPANTS = 1_000;

  private static final int DEFAULT_PARTICIPANTS = 100;
  private static final int DEFAULT_HISTORY = 20;
  private static final int DEFAULT_ACTIVITIES = 50;

  private final LotteryView view;
  private final ViewLimits limits;
  private final ResponseCache status = new ResponseCache();
  private final ResponseCache round = new ResponseCache();
  private final ResponseCache config = new ResponseCache();

  ViewEndpoints(LotteryView view, ViewLimits limits) {
    this.view = view;
    this.limits = limits;
  }

  void status(HttpServerExchange exchange) {
    ViewSnapshot snapshot = view.snapshot();
    JsonResponses.send(
        exchange,
        200,
        status.body(snapshot, () -> JsonResponses.bytes(ViewResponses.Status.of(snapshot))));
  }

  void roundStatus(HttpServerExchange exchange) {
    var current = view.snapshot().round();
    JsonResponses.send(exchange, 200, round.body(current, () -> JsonResponses.bytes(current)));
  }

  void participants(HttpServerExchange exchange) {
    int limit =
        new QueryParameters(exchange).limit("limit", DEFAULT_PARTICIPANTS, MAX_PARTICIPANTS);
    ParticipantsSnapshot players = view.snapshot().participants();
    JsonResponses.send(
        exchange,
        200,
        new ViewResponses.Participants(
            players.roundId(),
            players.totalPot(),
            players.participants().size(),
            players.first(limit),
            players.block()));
  }

  void history(HttpServerExchange exchange) {
    int limit =
        new QueryParameters(exchange).limit("limit", DEFAULT_HISTORY, limits.historyCapacity());
    var history = view.snapshot().history();
    var rounds = history.newest(limit);
    JsonResponses.send(
        exchange, 200, new ViewResponses.History(rounds.size(), rounds, history.block()));
  }

  void activities(HttpServerExchange exchange) {
    int limit =
        new QueryParameters(exchange).limit("limit", DEFAULT_ACTIVITIES, limits.feedCapacity());
    var items = view.snapshot().activities().newest(limit);
    JsonResponses.send(exchange, 200, new ViewResponses.Activities(items.size(), items));
  }

  void contractConfig(HttpServerExchange exchange) {
    var current = view.snapshot().config();
    if (current.isEmpty()) {
      JsonResponses.error(exchange, 503, "the contract's settings have not been read yet");
      return;
    }
    JsonResponses.send(
        exchange, 200, config.body(current.get(), () -> JsonResponses.bytes(current.get())));
  }

  void contractAddress(HttpServerExchange exchange) {
    var sync = view.snapshot().sync();
    JsonResponses.send(
        exchange, 200, new ViewResponses.ContractAddress(sync.contract(), sync.chainId()));
  }
}
