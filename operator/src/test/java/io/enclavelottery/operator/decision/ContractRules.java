package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import java.time.Instant;
import java.util.Optional;

/**
 * The test oracle: Lottery.sol's preconditions for the operator's calls, restated from the
 * contract's source independently of the decision. A transaction sent at {@code now} executes in
 * the next block, at {@code now + blockTime} in whole seconds.
 */
final class ContractRules {

  private ContractRules() {}

  /** Why the contract would reject {@code action} sent now (its error's name), or empty. */
  static Optional<String> rejection(Observation observation, Action action) {
    Round round = observation.round();
    if (action instanceof Action.None || action instanceof Action.SetPaused) {
      return Optional.empty();
    }
    if (action instanceof Action.StartRound) {
      return round.state() != RoundState.WAITING
          ? Optional.of("WrongState")
          : observation.settings().paused() ? Optional.of("Paused") : Optional.empty();
    }
    if (action instanceof Action.UpdateSetting) {
      return round.state() != RoundState.WAITING ? Optional.of("WrongState") : Optional.empty();
    }
    if (round.state() != RoundState.BETTING) {
      return Optional.of("WrongState");
    }
    long at = executesAt(observation);
    if (action instanceof Action.CommitSeed commit) {
      return commit.roundId() != round.roundId()
          ? Optional.of("another round")
          : commit(round, commit, at);
    }
    if (action instanceof Action.ExtendBetting extend) {
      return extend.roundId() != round.roundId()
          ? Optional.of("another round")
          : extend(round, observation.settings(), extend, at);
    }
    if (action instanceof Action.Draw draw) {
      return draw.roundId() != round.roundId() ? Optional.of("another round") : draw(round, at);
    }
    Action.RefundExpiredRound refund = (Action.RefundExpiredRound) action;
    if (refund.roundId() != round.roundId()) {
      return Optional.of("another round");
    }
    Instant allowedAfter = round.seedCommitted() ? round.maxDrawTime() : round.endTime();
    return at <= allowedAfter.getEpochSecond()
        ? Optional.of("RefundNotYetAllowed")
        : Optional.empty();
  }

  private static Optional<String> commit(Round round, Action.CommitSeed commit, long at) {
    if (at > round.endTime().getEpochSecond()) {
      return Optional.of("BettingClosed");
    }
    if (!commit.endTime().equals(round.endTime())) {
      return Optional.of("EndTimeMismatch");
    }
    return round.seedCommitted() ? Optional.of("SeedAlreadyCommitted") : Optional.empty();
  }

  private static Optional<String> extend(
      Round round, LotterySettings settings, Action.ExtendBetting extend, long at) {
    long end = round.endTime().getEpochSecond();
    if (at > end) {
      return Optional.of("BettingClosed");
    }
    if (round.seedCommitted()) {
      return Optional.of("SeedAlreadyCommitted");
    }
    if (extend.newEndTime().getNano() != 0) {
      return Optional.of("not whole seconds");
    }
    long newEnd = extend.newEndTime().getEpochSecond();
    if (newEnd < Math.max(at + settings.minEndTimeExtension().toSeconds(), end + 1)) {
      return Optional.of("ExtensionTooShort");
    }
    long total = round.totalExtension().toSeconds() + (newEnd - end);
    return total > settings.maxTotalExtension().toSeconds()
        ? Optional.of("ExtensionCapExceeded")
        : Optional.empty();
  }

  private static Optional<String> draw(Round round, long at) {
    if (at < round.minDrawTime().getEpochSecond()) {
      return Optional.of("DrawWindowNotOpen");
    }
    if (at > round.maxDrawTime().getEpochSecond()) {
      return Optional.of("DrawWindowClosed");
    }
    return round.seedCommitted() ? Optional.empty() : Optional.of("NoSeedCommitted");
  }

  private static long executesAt(Observation observation) {
    Instant next = observation.now().plus(observation.policy().timing().blockTime());
    return next.getEpochSecond() + (next.getNano() == 0 ? 0 : 1);
  }
}
