package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.contract.Participant;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.events.BetPlaced;
import io.enclavelottery.chain.events.BondDeposited;
import io.enclavelottery.chain.events.BondWithdrawn;
import io.enclavelottery.chain.events.EndTimeExtended;
import io.enclavelottery.chain.events.LotteryEvent;
import io.enclavelottery.chain.events.OperatorChangeCancelled;
import io.enclavelottery.chain.events.OperatorChangeProposed;
import io.enclavelottery.chain.events.OperatorUpdated;
import io.enclavelottery.chain.events.PausedSet;
import io.enclavelottery.chain.events.PendingBondDeposited;
import io.enclavelottery.chain.events.RefundClaimed;
import io.enclavelottery.chain.events.RevealWithheld;
import io.enclavelottery.chain.events.RoundCompleted;
import io.enclavelottery.chain.events.RoundCreated;
import io.enclavelottery.chain.events.RoundRefunded;
import io.enclavelottery.chain.events.RoundStateChanged;
import io.enclavelottery.chain.events.SeedCommitted;
import io.enclavelottery.chain.events.SettingsEvent;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One update in the making: a mutable copy of a {@link ViewState} that contract events are applied
 * to, in chain order, mirroring what the contract does to its own storage. Used on one thread and
 * thrown away after {@link #finish}.
 */
final class ViewDraft {

  /** The refund reason of a draw with too few players: the seed was revealed, then refunded. */
  static final String TOO_FEW_PLAYERS = "Insufficient participants";

  private final ViewLimits limits;
  private final ViewState base;
  private Round round;
  private long roundBlock;
  private final LinkedHashMap<String, BigInteger> stakes = new LinkedHashMap<>();
  private long participantsBlock;
  private final ArrayDeque<HistoryEntry> history;
  private long historyBlock;
  private final ArrayDeque<ActivityItem> activities;
  private final List<ActivityItem> added = new ArrayList<>();
  private Map<String, Set<Long>> refunds;
  private Optional<ConfigSnapshot> config;
  private boolean configStale;
  private final Set<Long> roundsAwaitingSeed;
  private boolean roundChanged;
  private boolean participantsChanged;
  private boolean historyChanged;
  private boolean configChanged;

  ViewDraft(ViewState base, ViewLimits limits) {
    this.base = base;
    this.limits = limits;
    ViewSnapshot snapshot = base.snapshot();
    this.round = snapshot.round().round();
    this.roundBlock = snapshot.round().block();
    snapshot.participants().participants().forEach(p -> stakes.put(p.address(), p.amount()));
    this.participantsBlock = snapshot.participants().block();
    this.history = new ArrayDeque<>(snapshot.history().rounds());
    this.historyBlock = snapshot.history().block();
    this.activities = new ArrayDeque<>(snapshot.activities().items());
    this.refunds = snapshot.refunds().byPlayer();
    this.config = snapshot.config();
    this.configStale = base.configStale();
    this.roundsAwaitingSeed = new HashSet<>(base.roundsAwaitingSeed());
  }

  /** Applies one event, as the contract changed its storage when it emitted it. */
  void apply(LotteryEvent event) {
    ActivityItems.of(event, config.map(read -> read.settings().minParticipants()))
        .ifPresent(this::addActivity);
    long block = event.position().blockNumber();
    if (event instanceof RoundCreated e) {
      roundCreated(e, block);
    } else if (event instanceof RoundStateChanged e && e.roundId() == round.roundId()) {
      round = withState(round, e.newState());
      touchRound(block);
    } else if (event instanceof BetPlaced e && e.roundId() == round.roundId()) {
      betPlaced(e, block);
    } else if (event instanceof SeedCommitted e && e.roundId() == round.roundId()) {
      round = copy(round).seedCommitment(e.commitment()).build();
      touchRound(block);
    } else if (event instanceof EndTimeExtended e && e.roundId() == round.roundId()) {
      endTimeExtended(e, block);
    } else if (event instanceof RevealWithheld e && e.roundId() == round.roundId()) {
      round = copy(round).revealPenalty(e.penalty()).build();
      touchRound(block);
      configStale = true;
    } else if (event instanceof RoundCompleted e && e.roundId() == round.roundId()) {
      roundCompleted(e, block);
    } else if (event instanceof RoundRefunded e && e.roundId() == round.roundId()) {
      roundRefunded(e, block);
    } else if (event instanceof RefundClaimed e) {
      refundClaimed(e);
    } else if (changesSettings(event)) {
      configStale = true;
    }
  }

  /** Records settings read from the contract at {@code block}. */
  void settingsRead(ConfigSnapshot read) {
    configStale = false;
    if (!config.map(read::equals).orElse(false)) {
      config = Optional.of(read);
      configChanged = true;
    }
  }

  /** Records a refunded round as the contract returns it, revealed seed included. */
  void refundedRoundRead(Round read) {
    roundsAwaitingSeed.remove(read.roundId());
    List<HistoryEntry> entries = new ArrayList<>(history);
    for (int i = 0; i < entries.size(); i++) {
      HistoryEntry entry = entries.get(i);
      if (entry.roundId() == read.roundId() && !entry.round().equals(read)) {
        entries.set(
            i,
            new HistoryEntry(
                read,
                entry.finishedAt(),
                entry.refundReason(),
                entry.transactionHash(),
                entry.block()));
        history.clear();
        history.addAll(entries);
        historyChanged = true;
        return;
      }
    }
  }

  boolean configStale() {
    return configStale || config.isEmpty();
  }

  Set<Long> roundsAwaitingSeed() {
    return Set.copyOf(roundsAwaitingSeed);
  }

  /**
   * The state after this update and the changes to announce, in {@link ViewChange}'s order (without
   * {@link ViewChange.Retracted} and {@link ViewChange.SyncChanged}, which the caller adds).
   */
  Result finish(SyncStatus sync) {
    List<ViewChange> changes = new ArrayList<>();
    added.forEach(item -> changes.add(new ViewChange.ActivityAdded(item)));
    ViewSnapshot old = base.snapshot();
    ConfigSnapshot configPart = config.orElse(null);
    RoundSnapshot roundPart = roundChanged ? new RoundSnapshot(round, roundBlock) : old.round();
    ParticipantsSnapshot participantsPart =
        participantsChanged ? participantsSnapshot() : old.participants();
    HistorySnapshot historyPart =
        historyChanged ? new HistorySnapshot(List.copyOf(history), historyBlock) : old.history();
    ActivitySnapshot activityPart =
        added.isEmpty() ? old.activities() : new ActivitySnapshot(List.copyOf(activities));
    if (configChanged) {
      changes.add(new ViewChange.ConfigChanged(configPart));
    }
    if (roundChanged) {
      changes.add(new ViewChange.RoundChanged(roundPart));
    }
    if (participantsChanged) {
      changes.add(new ViewChange.ParticipantsChanged(participantsPart));
    }
    if (historyChanged) {
      changes.add(new ViewChange.HistoryChanged(historyPart));
    }
    ViewSnapshot snapshot =
        new ViewSnapshot(
            sync,
            config,
            roundPart,
            participantsPart,
            historyPart,
            activityPart,
            refunds == old.refunds().byPlayer() ? old.refunds() : new UnclaimedRefunds(refunds));
    return new Result(new ViewState(snapshot, configStale, roundsAwaitingSeed), changes);
  }

  /** The state after an update and the changes it made. */
  record Result(ViewState state, List<ViewChange> changes) {}

  private void roundCreated(RoundCreated e, long block) {
    if (e.roundId() != round.roundId()) {
      round = emptyRound(e.roundId());
      stakes.clear();
      participantsBlock = block;
      participantsChanged = true;
    }
    if (!e.startTime().equals(Instant.EPOCH)) {
      round =
          copy(round)
              .startTime(e.startTime())
              .endTime(e.endTime())
              .minDrawTime(e.minDrawTime())
              .maxDrawTime(e.maxDrawTime())
              .build();
    }
    touchRound(block);
  }

  private void betPlaced(BetPlaced e, long block) {
    stakes.merge(e.player(), e.amount(), BigInteger::add);
    round =
        copy(round)
            .totalPot(e.newTotal())
            .participantCount(stakes.size())
            .betCount(round.betCount() + 1)
            .build();
    touchRound(block);
    participantsBlock = block;
    participantsChanged = true;
  }

  private void endTimeExtended(EndTimeExtended e, long block) {
    Duration added = Duration.between(e.oldEndTime(), e.newEndTime());
    round =
        copy(round)
            .endTime(e.newEndTime())
            .minDrawTime(round.minDrawTime().plus(added))
            .maxDrawTime(round.maxDrawTime().plus(added))
            .totalExtension(round.totalExtension().plus(added))
            .build();
    touchRound(block);
  }

  private void roundCompleted(RoundCompleted e, long block) {
    round =
        copy(round)
            .winner(e.winner())
            .totalPot(e.totalPot())
            .winnerPrize(e.winnerPrize())
            .publisherCommission(e.publisherCommission())
            .revealedSeed(e.randomSeed())
            .state(RoundState.COMPLETED)
            .build();
    touchRound(block);
    finished(e.timestamp(), Optional.empty(), e.position().transactionHash(), block);
  }

  private void roundRefunded(RoundRefunded e, long block) {
    round = withState(round, RoundState.REFUNDED);
    touchRound(block);
    Map<String, Set<Long>> updated = new HashMap<>(refunds);
    for (String player : stakes.keySet()) {
      Set<Long> rounds = new HashSet<>(updated.getOrDefault(player, Set.of()));
      rounds.add(e.roundId());
      updated.put(player, Set.copyOf(rounds));
    }
    refunds = updated;
    if (TOO_FEW_PLAYERS.equals(e.reason())) {
      roundsAwaitingSeed.add(e.roundId());
    }
    finished(e.timestamp(), Optional.of(e.reason()), e.position().transactionHash(), block);
  }

  private void refundClaimed(RefundClaimed e) {
    Set<Long> rounds = refunds.get(e.player());
    if (rounds == null || !rounds.contains(e.roundId())) {
      return;
    }
    Map<String, Set<Long>> updated = new HashMap<>(refunds);
    Set<Long> left = new HashSet<>(rounds);
    left.remove(e.roundId());
    if (left.isEmpty()) {
      updated.remove(e.player());
    } else {
      updated.put(e.player(), Set.copyOf(left));
    }
    refunds = updated;
  }

  private void finished(
      Instant at, Optional<String> refundReason, String transactionHash, long block) {
    history.addFirst(new HistoryEntry(round, at, refundReason, transactionHash, block));
    while (history.size() > limits.historyCapacity()) {
      roundsAwaitingSeed.remove(history.removeLast().roundId());
    }
    historyBlock = block;
    historyChanged = true;
  }

  private void addActivity(ActivityItem item) {
    activities.addFirst(item);
    while (activities.size() > limits.feedCapacity()) {
      activities.removeLast();
    }
    added.add(item);
    if (added.size() > limits.feedCapacity()) {
      // a backfill batch: items that fell out of the feed are not worth announcing
      added.remove(0);
    }
  }

  private void touchRound(long block) {
    roundBlock = block;
    roundChanged = true;
  }

  private ParticipantsSnapshot participantsSnapshot() {
    List<Participant> participants = new ArrayList<>(stakes.size());
    stakes.forEach((address, amount) -> participants.add(new Participant(address, amount)));
    return new ParticipantsSnapshot(
        round.roundId(), round.totalPot(), participants, participantsBlock);
  }

  private static boolean changesSettings(LotteryEvent event) {
    return event instanceof SettingsEvent
        || event instanceof OperatorUpdated
        || event instanceof OperatorChangeProposed
        || event instanceof OperatorChangeCancelled
        || event instanceof PendingBondDeposited
        || event instanceof PausedSet
        || event instanceof BondDeposited
        || event instanceof BondWithdrawn;
  }

  private static Round emptyRound(long roundId) {
    return copy(RoundSnapshot.NONE.round()).roundId(roundId).build();
  }

  private static Round withState(Round round, RoundState state) {
    return copy(round).state(state).build();
  }

  private static RoundBuilder copy(Round round) {
    return new RoundBuilder(round);
  }
}
