package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.chain.contract.ContractCallException;
import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.follower.BlockHeader;
import io.enclavelottery.chain.follower.FollowerEvent;
import io.enclavelottery.chain.follower.HeadListener;
import io.enclavelottery.chain.follower.LogConsumer;
import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.chain.tx.SentTransaction;
import io.enclavelottery.chain.tx.TransactionSender;
import io.enclavelottery.operator.decision.Action;
import io.enclavelottery.operator.decision.BondCoverage;
import io.enclavelottery.operator.decision.Decision;
import io.enclavelottery.operator.decision.Observation;
import io.enclavelottery.operator.decision.PendingTransaction;
import io.enclavelottery.operator.decision.Plan;
import io.enclavelottery.operator.decision.RoundPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one lottery contract's rounds going, without Kubernetes: observe the chain, ask {@link
 * Decision} what to do, send it through the {@link TransactionSender}, report the outcome, and look
 * again when something can have changed: when the contract's logs arrive ({@link #accept}), so a
 * bet is acted on in the block it lands, and on the first head whose timestamp reaches the plan's
 * {@code recheckAt} ({@link #onHead}), so a draw goes out on the head before its window opens. A
 * head before that deadline costs nothing, so many keepers can share one chain's heads; a timer one
 * block after the deadline covers heads that stop coming.
 *
 * <p>Every send carries a precondition that re-reads the round, and the sender simulates each call
 * first, so nothing the chain no longer needs is sent. Transactions of the operator already waiting
 * in the node's pool (sent before a restart) hold the keeper back until they are mined. A node that
 * cannot be reached, a wrong chain id, no contract at the address, a key that is not the contract's
 * operator and too little ether for gas each become a {@link Problem} in the status, nothing is
 * sent, and the keeper looks again after a growing delay; so does a transaction that failed.
 *
 * <p>All work runs on the keeper's own thread; {@link #onHead}, {@link #accept} and {@link #wake}
 * only queue it.
 */
public final class RoundKeeper implements HeadListener, LogConsumer, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RoundKeeper.class);

  private final LotteryContract contract;
  private final TransactionSender sender;
  private final SeedSource seeds;
  private final ChainClock clock;
  private final Supplier<RoundPolicy> policy;
  private final KeeperConfig config;
  private final KeeperListener listener;
  private final KeeperMetrics metrics;
  private final ChainObserver observer;
  private final ActionCalls calls;
  private final OutcomeEvents outcomes;
  private final RetryDelay retry;
  private final KeeperThread thread;
  private volatile KeeperStatus status = KeeperStatus.starting();
  // written on the keeper's thread, read by metric scrapes too
  private volatile Optional<Unsettled> unsettled = Optional.empty();
  // the chain time from which a head wakes the keeper, and the block its last look read
  private volatile Instant dueAt = Instant.MIN;
  private volatile long lookedAt = -1;
  private volatile boolean logsSeen;

  /** A transaction the sender stopped waiting for, which may still be mined. */
  private record Unsettled(PendingTransaction transaction, Instant since) {}

  /**
   * @param contract the lottery, read at the latest block
   * @param sender sends from the operator's address
   * @param seeds the rounds' seeds
   * @param chain the node's chain id, latest block and the operator account
   * @param clock the chain's time, shared with the follower's heads and the sender's simulations
   * @param policy what the rounds should look like, read at every look (it may change)
   * @param config chain id, fees and retry delays
   * @param listener told of events and status changes
   * @param registry where the keeper's meters go
   */
  public RoundKeeper(
      LotteryContract contract,
      TransactionSender sender,
      SeedSource seeds,
      ChainView chain,
      ChainClock clock,
      Supplier<RoundPolicy> policy,
      KeeperConfig config,
      KeeperListener listener,
      MeterRegistry registry) {
    this.contract = Objects.requireNonNull(contract, "contract");
    this.sender = Objects.requireNonNull(sender, "sender");
    this.seeds = Objects.requireNonNull(seeds, "seeds");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.config = Objects.requireNonNull(config, "config");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.metrics = new KeeperMetrics(registry, contract.address(), this::pendingAgeSeconds);
    this.observer = new ChainObserver(contract, chain, sender.address(), config, metrics);
    this.calls = new ActionCalls(contract, seeds);
    this.outcomes = new OutcomeEvents(contract, chain);
    this.retry = new RetryDelay(config.retryInitial(), config.retryMax());
    this.thread = new KeeperThread("keeper-" + contract.address().substring(0, 10), this::look);
  }

  /** Takes the first look at the chain. */
  public void start() {
    thread.wake();
  }

  /**
   * A new head: look again if its timestamp reaches the plan's deadline (unless a retry delay
   * runs). The transactions in flight are reported from here too, since the keeper's thread waits
   * inside a send while they are.
   */
  @Override
  public void onHead(BlockHeader head) {
    clock.onHead(head);
    update(current -> current.withInFlight(sender.pending()));
    if (head.timestamp() >= dueAt.getEpochSecond()) {
      thread.wake();
    }
  }

  /**
   * The contract's logs: look again if they come from a block the last look did not read, or were
   * retracted. The first delivery wakes the keeper too, since it may cover blocks between the
   * keeper's first look and the follow's start.
   */
  @Override
  public void accept(FollowerEvent event) {
    boolean first = !logsSeen;
    logsSeen = true;
    boolean changed =
        !(event instanceof FollowerEvent.Logs logs)
            || ((first || !logs.logs().isEmpty()) && logs.toBlock() > lookedAt);
    if (changed) {
      thread.wake();
    }
  }

  /** Looks at the chain as soon as the keeper's thread is free, unless a retry delay runs. */
  public void wake() {
    thread.wake();
  }

  public KeeperStatus status() {
    return status;
  }

  /** Stops looking; a send in progress is interrupted (its transaction may still be mined). */
  @Override
  public void close() {
    thread.close();
    metrics.close();
    update(KeeperStatus::stopped);
  }

  /** One look; returns how long to wait before the next (heads may come first). */
  private Duration look() {
    try {
      ChainObserver.Look look = observer.look();
      if (look instanceof ChainObserver.Blocked blocked) {
        return blocked(blocked.problem());
      }
      return decideAndAct((ChainObserver.Seen) look);
    } catch (RpcException e) {
      observer.forgetChain();
      return blocked(
          new Problem(Problem.Kind.RPC_UNREACHABLE, "cannot reach the chain: " + e.getMessage()));
    } catch (ContractCallException e) {
      observer.forgetChain();
      return blocked(
          new Problem(
              Problem.Kind.NO_CONTRACT,
              "the contract at "
                  + contract.address()
                  + " does not answer as a lottery: "
                  + e.reason()));
    } catch (RuntimeException e) {
      LOG.error("the keeper of {} failed unexpectedly", contract.address(), e);
      return blocked(new Problem(Problem.Kind.INTERNAL_ERROR, "unexpected error: " + e));
    }
  }

  private Duration decideAndAct(ChainObserver.Seen seen) {
    clock.observe(seen.head().number(), seen.head().timestamp().getEpochSecond());
    lookedAt = seen.head().number();
    Round round = seen.round();
    if (seen.inPool() == 0) {
      unsettled = Optional.empty();
    } else if (unsettled.isEmpty()) {
      update(
          current ->
              running(
                  current,
                  seen,
                  "waiting for "
                      + seen.inPool()
                      + " transaction(s) of "
                      + sender.address()
                      + " already in the node's pool (sent before a restart?) to be mined; nothing"
                      + " is sent until then",
                  ""));
      dueAt = Instant.MIN;
      return clock.blockInterval();
    }
    RoundPolicy currentPolicy = policy.get();
    Plan plan =
        Decision.next(
            new Observation(
                round,
                seen.settings(),
                currentPolicy,
                seen.head().timestamp(),
                unsettled.map(Unsettled::transaction),
                seeds.availability(round.roundId()),
                seen.funds()));
    metrics.decided(plan.action());
    update(current -> running(current, seen, plan.reason(), plan.describePendingSettings()));
    thread.endHoldOff();
    dueAt = plan.recheckAt();
    Duration untilRecheck = untilChainTime(plan.recheckAt(), currentPolicy);
    if (plan.action().sendsTransaction() && !act(plan, round.roundId(), seen.head().timestamp())) {
      Duration backoff = retry.next();
      thread.holdOff(backoff);
      return backoff.compareTo(untilRecheck) > 0 ? backoff : untilRecheck;
    }
    retry.reset();
    return untilRecheck;
  }

  /** Sends the plan's call and reports how it ended; true unless it failed. */
  private boolean act(Plan plan, long roundId, Instant chainNow) {
    Action action = plan.action();
    ActionCalls.Prepared prepared;
    try {
      prepared = calls.prepare(action, roundId);
    } catch (RuntimeException e) {
      // the seed source (an enclave signer, later) may fail; its message never holds a seed
      failed(action, action.function() + ": could not prepare the call: " + e.getMessage());
      return false;
    }
    LOG.info("{}: {}", action.function(), plan.reason());
    SendResult result = prepared.sendWith(sender);
    metrics.sent(action, result);
    // a head may have reported this transaction in flight while the send waited for it
    update(current -> current.withInFlight(sender.pending()));
    if (result instanceof SendResult.Mined mined) {
      LOG.info("{}", mined.describe());
      reportMined(action, roundId, mined);
      return true;
    }
    if (result instanceof SendResult.NotNeeded notNeeded) {
      LOG.info("{}", notNeeded.describe());
      return true;
    }
    if (result instanceof SendResult.StillPending) {
      unsettled =
          Optional.of(new Unsettled(new PendingTransaction(action, chainNow), Instant.now()));
    }
    failed(action, result.describe());
    return false;
  }

  private void reportMined(Action action, long roundId, SendResult.Mined mined) {
    KeeperEvent event;
    try {
      event = outcomes.of(action, roundId, mined);
    } catch (RpcException | ContractCallException e) {
      LOG.warn("{}; its outcome could not be read back: {}", mined.describe(), e.getMessage());
      return;
    }
    if (event instanceof KeeperEvent.WinnerDrawn drawn) {
      metrics.drawn(drawn.afterWindowOpened());
    }
    emit(event);
  }

  private void failed(Action action, String why) {
    LOG.warn("{}", why);
    update(current -> current.withLastFailure(why));
    emit(new KeeperEvent.TransactionFailed(action.function(), why));
  }

  /** Records a problem, which stops the keeper until the next attempt; returns that wait. */
  private Duration blocked(Problem problem) {
    if (!status.problem().equals(Optional.of(problem))) {
      LOG.warn("the keeper of {} cannot act: {}", contract.address(), problem.message());
    }
    update(current -> current.withProblem(problem));
    Duration wait = retry.next();
    thread.holdOff(wait);
    return wait;
  }

  private KeeperStatus running(
      KeeperStatus current, ChainObserver.Seen seen, String plan, String pendingSettings) {
    Round round = seen.round();
    LotterySettings settings = seen.settings();
    return new KeeperStatus(
        KeeperState.RUNNING,
        Optional.empty(),
        round.roundId(),
        Optional.of(round.state()),
        plan,
        pendingSettings,
        Optional.of(BondCoverage.of(settings)),
        settings.unrevealedRounds(),
        current.lastFailure(),
        Optional.of(new ChainReading(round, settings, seen.funds().balance(), seen.inPool())),
        sender.pending());
  }

  /**
   * Changes the status; called from the keeper's thread and, for transactions in flight, the
   * follower's.
   */
  private synchronized void update(UnaryOperator<KeeperStatus> change) {
    publish(change.apply(status));
  }

  private synchronized void publish(KeeperStatus next) {
    KeeperStatus previous = status;
    if (next.equals(previous)) {
      return;
    }
    if (previous.problem().isPresent() && next.state() == KeeperState.RUNNING) {
      LOG.info("the keeper of {} acts again", contract.address());
    }
    status = next;
    try {
      listener.onStatus(next);
    } catch (RuntimeException e) {
      LOG.warn("a keeper listener failed on a status change", e);
    }
  }

  private void emit(KeeperEvent event) {
    if (!event.warning()) {
      LOG.info("{}", event.message());
    }
    try {
      listener.onEvent(event);
    } catch (RuntimeException e) {
      LOG.warn("a keeper listener failed on {}", event.reason(), e);
    }
  }

  /** The wall time until one block after the chain reaches {@code time}, within the bounds. */
  private Duration untilChainTime(Instant time, RoundPolicy currentPolicy) {
    // a head reaching the deadline wakes the keeper; the timer, one block later, is the fallback
    Duration wait = Duration.between(clock.now().orElse(time), time.plus(clock.blockInterval()));
    Duration longest = currentPolicy.timing().recheckInterval();
    if (wait.compareTo(config.minRecheck()) < 0) {
      return config.minRecheck();
    }
    return wait.compareTo(longest) > 0 ? longest : wait;
  }

  private double pendingAgeSeconds() {
    Instant oldest = unsettled.map(Unsettled::since).orElse(null);
    for (SentTransaction sent : sender.pending()) {
      if (oldest == null || sent.sentAt().isBefore(oldest)) {
        oldest = sent.sentAt();
      }
    }
    return oldest == null ? 0 : Duration.between(oldest, Instant.now()).toMillis() / 1000.0;
  }
}
