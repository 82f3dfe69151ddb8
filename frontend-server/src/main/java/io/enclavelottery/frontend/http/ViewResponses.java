package io.enclavelottery.frontend.http;

import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Participant;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.frontend.view.ActivityItem;
import io.enclavelottery.frontend.view.ConfigSnapshot;
import io.enclavelottery.frontend.view.HistoryEntry;
import io.enclavelottery.frontend.view.ViewSnapshot;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The JSON bodies of the REST API, as records: their components are the response's fields. */
final class ViewResponses {

  private ViewResponses() {}

  /** {@code GET /api/status}: where the view is and the current round at a glance. */
  record Status(
      String contract,
      long chainId,
      boolean ready,
      long viewBlock,
      long latestBlock,
      long lagBlocks,
      long roundId,
      String state,
      Instant startTime,
      Instant endTime,
      Instant minDrawTime,
      Instant maxDrawTime,
      BigInteger totalPot,
      long participantCount,
      long betCount,
      boolean seedCommitted,
      Optional<BigInteger> minBetAmount,
      Optional<Boolean> paused,
      Optional<String> operator) {

    static Status of(ViewSnapshot view) {
      Round round = view.round().round();
      Optional<LotterySettings> settings = view.config().map(ConfigSnapshot::settings);
      return new Status(
          view.sync().contract(),
          view.sync().chainId(),
          view.sync().ready(),
          view.sync().viewBlock(),
          view.sync().latestBlock(),
          view.sync().lagBlocks(),
          round.roundId(),
          round.state().name(),
          round.startTime(),
          round.endTime(),
          round.minDrawTime(),
          round.maxDrawTime(),
          round.totalPot(),
          round.participantCount(),
          round.betCount(),
          round.seedCommitted(),
          settings.map(LotterySettings::minBetAmount),
          settings.map(LotterySettings::paused),
          settings.map(LotterySettings::operator));
    }
  }

  /** {@code GET /api/round/participants}: the first {@code limit} players. */
  record Participants(
      long roundId,
      BigInteger totalPot,
      int participantCount,
      List<Participant> participants,
      long block) {}

  /** {@code GET /api/history}: the newest finished rounds. */
  record History(int count, List<HistoryEntry> rounds, long block) {}

  /** {@code GET /api/activities}: the newest activity. */
  record Activities(int count, List<ActivityItem> items) {}

  /** {@code GET /api/contract/address}. */
  record ContractAddress(String contract, long chainId) {}
}
