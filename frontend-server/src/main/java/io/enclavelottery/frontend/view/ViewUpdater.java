package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.chain.contract.ContractCallException;
import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.events.LotteryEvent;
import io.enclavelottery.chain.events.LotteryEventDecoder;
import io.enclavelottery.chain.follower.BlockHeader;
import io.enclavelottery.chain.follower.ChainLog;
import io.enclavelottery.chain.follower.FollowerEvent;
import io.enclavelottery.chain.follower.HeadListener;
import io.enclavelottery.chain.follower.LogConsumer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a {@link LotteryView} up to date from a chain follower's deliveries: applies each range of
 * logs as one update, undoes what a reorganisation retracted, and reads from the contract only what
 * no event says (the settings, at the block the view reached; the seed of a round refunded for too
 * few players) — and only once it has caught up with the chain, so a backfill costs no reads per
 * block and works against nodes that keep no old state.
 *
 * <p>Runs on the follower's thread. A failed read never loses an event: the read is retried on the
 * next delivery, and the view is not ready until it succeeded.
 */
public final class ViewUpdater implements LogConsumer, HeadListener {

  private static final Logger LOG = LoggerFactory.getLogger(ViewUpdater.class);

  private final LotteryView view;
  private final LotteryContract contract;
  private final ViewLimits limits;
  private final int confirmations;
  private final RecentStates recent;
  private ViewState state;
  private long latestHead = -1;

  /**
   * @param contract reads of the followed contract
   * @param confirmations the follower's confirmation depth (to know when the backfill is done)
   * @param reorgWindow how many recent blocks a reorganisation may undo (the follower's)
   */
  public ViewUpdater(
      LotteryView view,
      LotteryContract contract,
      ViewLimits limits,
      int confirmations,
      int reorgWindow) {
    this.view = Objects.requireNonNull(view, "view");
    this.contract = Objects.requireNonNull(contract, "contract");
    this.limits = Objects.requireNonNull(limits, "limits");
    this.confirmations = confirmations;
    this.recent = new RecentStates(reorgWindow + 1);
    this.state = ViewState.initial(view.snapshot());
  }

  @Override
  public void onHead(BlockHeader head) {
    latestHead = head.number();
    view.updateSync(sync(view.snapshot().sync().viewBlock(), view.isReady()));
  }

  @Override
  public void accept(FollowerEvent event) {
    if (event instanceof FollowerEvent.Logs logs) {
      applyLogs(logs);
    } else if (event instanceof FollowerEvent.Retracted retracted) {
      retract(retracted);
    }
  }

  private void applyLogs(FollowerEvent.Logs logs) {
    List<LotteryEvent> events = new ArrayList<>(logs.logs().size());
    for (ChainLog log : logs.logs()) {
      LotteryEventDecoder.decode(log.toWeb3jLog()).ifPresent(events::add);
    }
    ViewDraft draft = new ViewDraft(state, limits);
    events.forEach(draft::apply);
    boolean caughtUp = latestHead >= 0 && logs.toBlock() >= latestHead - confirmations;
    if (caughtUp) {
      readWhatEventsDoNotSay(draft, logs.toBlock());
    }
    boolean wasReady = state.snapshot().sync().ready();
    boolean ready =
        wasReady || (caughtUp && !draft.configStale() && draft.roundsAwaitingSeed().isEmpty());
    SyncStatus sync = sync(logs.toBlock(), ready);
    ViewDraft.Result result = draft.finish(sync);
    List<ViewChange> changes = new ArrayList<>(result.changes());
    if (ready && !wasReady) {
      LOG.info(
          "view of {} ready at block {} (round {})",
          sync.contract(),
          sync.viewBlock(),
          result.state().snapshot().round().roundId());
      changes.add(new ViewChange.SyncChanged(sync));
    }
    state = result.state();
    recent.add(state, events);
    view.publish(state.snapshot(), changes);
  }

  private void readWhatEventsDoNotSay(ViewDraft draft, long block) {
    try {
      if (draft.configStale()) {
        LotteryContract atBlock = contract.atBlock(block);
        draft.settingsRead(
            new ConfigSnapshot(contract.address(), chainId(), atBlock.settings(), block));
      }
      for (long roundId : draft.roundsAwaitingSeed()) {
        draft.refundedRoundRead(contract.roundById(roundId));
      }
    } catch (RpcException | ContractCallException e) {
      // tried again with the next delivery; the view stays not ready (or keeps the old settings)
      LOG.warn("reading the contract at block {} failed: {}", block, e.getMessage());
    }
  }

  private void retract(FollowerEvent.Retracted retracted) {
    long fork = retracted.forkBlock();
    RecentStates.Rollback rollback = recent.rollBackTo(fork).orElse(null);
    if (rollback == null) {
      LOG.error(
          "a reorganisation below block {} cannot be undone: the view keeps what it had", fork);
      return;
    }
    ViewSnapshot was = state.snapshot();
    ViewDraft draft = new ViewDraft(rollback.base(), limits);
    rollback.replay().forEach(draft::apply);
    ViewState after = draft.finish(sync(fork, was.sync().ready())).state();
    ViewSnapshot now = after.snapshot();
    Set<String> retractedIds = new HashSet<>();
    retracted
        .logs()
        .forEach(log -> retractedIds.add(ActivityItem.idOf(log.transactionHash(), log.logIndex())));
    List<String> removedItems =
        was.activities().items().stream()
            .map(ActivityItem::id)
            .filter(retractedIds::contains)
            .toList();
    List<ViewChange> changes = new ArrayList<>();
    changes.add(new ViewChange.Retracted(fork, removedItems));
    if (!was.config().equals(now.config()) && now.config().isPresent()) {
      changes.add(new ViewChange.ConfigChanged(now.config().get()));
    }
    if (!was.round().equals(now.round())) {
      changes.add(new ViewChange.RoundChanged(now.round()));
    }
    if (!was.participants().equals(now.participants())) {
      changes.add(new ViewChange.ParticipantsChanged(now.participants()));
    }
    if (!was.history().equals(now.history())) {
      changes.add(new ViewChange.HistoryChanged(now.history()));
    }
    LOG.info(
        "reorganisation after block {}: {} activity items retracted", fork, removedItems.size());
    state = after;
    recent.add(after, rollback.replay());
    view.publish(now, changes);
  }

  private SyncStatus sync(long viewBlock, boolean ready) {
    return new SyncStatus(chainId(), contract.address(), viewBlock, latestHead, ready);
  }

  private long chainId() {
    return view.snapshot().sync().chainId();
  }
}
