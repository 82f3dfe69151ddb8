package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.contract.RevertDecoder;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.follower.FollowHandle;
import io.enclavelottery.chain.follower.FollowRequest;
import io.enclavelottery.chain.follower.LogConsumer;
import io.enclavelottery.chain.signer.LocalKeySigner;
import io.enclavelottery.chain.signer.LocalSeedDerivation;
import io.enclavelottery.chain.signer.Signer;
import io.enclavelottery.chain.tx.Eip1559TransactionSender;
import io.enclavelottery.chain.tx.ReceiptPolicy;
import io.enclavelottery.operator.decision.DecisionTiming;
import io.enclavelottery.operator.decision.RoundPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One contract kept on a {@link ChainConnection} it shares with others: a {@link RoundKeeper} with
 * its own sender and seeds, woken by the contract's logs (one follow on the chain's follower) and
 * by heads that reach its plan's deadline, never by every head. With the enclave signer the keeper
 * starts only once the signer's attestation verifies ({@link SignerAttestationWait}); until then
 * nothing is sent and the status says why. Closing it stops the keeper and the follow and then runs
 * the close action it was given (releasing the connection).
 */
public final class KeptContract implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KeptContract.class);

  /**
   * The longest a kept contract goes without reading the chain. Logs and deadlines wake it for all
   * the contract does and all that time brings; this re-read only catches what neither announces
   * (ether sent to the operator while nothing is blocked), and costs each contract about 16
   * requests an hour.
   */
  static final Duration SAFETY_RECHECK = Duration.ofHours(1);

  private final ChainConnection chain;
  private final StandaloneSettings settings;
  private final MeterRegistry registry;
  private final KeeperListener listener;
  private final LogConsumer alsoTold;
  private final Runnable onClose;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean startingOver = new AtomicBoolean();
  private volatile Optional<SignerAttestationWait> attestation = Optional.empty();
  private volatile Running running;
  private volatile Optional<AttestedSigner> signer = Optional.empty();
  private volatile KeeperStatus waiting = KeeperStatus.starting();

  /** The keeper and its follow, once they run. */
  private record Running(RoundKeeper keeper, FollowHandle follow) {}

  private KeptContract(
      ChainConnection chain,
      StandaloneSettings settings,
      MeterRegistry registry,
      KeeperListener listener,
      LogConsumer alsoTold,
      Runnable onClose) {
    this.chain = chain;
    this.settings = settings;
    this.registry = registry;
    this.listener = listener;
    this.alsoTold = alsoTold;
    this.onClose = onClose;
  }

  /**
   * Starts keeping {@code settings}' contract on {@code chain}, which must be the node and chain
   * the settings name: at once with a key of its own, after the first attestation with the enclave
   * signer.
   *
   * @param alsoTold told of the contract's logs after the keeper, on the follower's thread
   * @param onClose run once the keeper and its follow have stopped
   */
  public static KeptContract start(
      ChainConnection chain,
      StandaloneSettings settings,
      MeterRegistry registry,
      KeeperListener listener,
      LogConsumer alsoTold,
      Runnable onClose) {
    Objects.requireNonNull(chain, "chain");
    Objects.requireNonNull(alsoTold, "alsoTold");
    Objects.requireNonNull(onClose, "onClose");
    if (!chain.rpcUrl().equals(settings.rpcUrl()) || chain.chainId() != settings.chainId()) {
      throw new IllegalArgumentException("the contract's chain is not the connection's");
    }
    KeptContract kept = new KeptContract(chain, settings, registry, listener, alsoTold, onClose);
    if (settings.signing() instanceof OperatorSigning.Enclave enclave) {
      kept.attestFirst(enclave);
    } else {
      OperatorSigning.LocalKey local = (OperatorSigning.LocalKey) settings.signing();
      kept.run(
          new LocalKeySigner(local.key()),
          contract ->
              new LocalSeedSource(
                  new LocalSeedDerivation(local.key()), settings.chainId(), contract.address()),
          listener);
    }
    return kept;
  }

  /**
   * The keeper's status; while the enclave signer is refused after a restart (the keeper runs but
   * cannot sign), with that refusal as its problem.
   */
  public KeeperStatus status() {
    Running current = running;
    if (current == null) {
      return waiting;
    }
    KeeperStatus status = current.keeper().status();
    return signer
        .flatMap(AttestedSigner::refusal)
        .filter(refusal -> status.problem().isEmpty())
        .map(refusal -> status.withProblem(new Problem(Problem.Kind.SIGNER_NOT_ATTESTED, refusal)))
        .orElse(status);
  }

  /** The enclave signer as last attested (operator, PCRs), once it is; empty with a local key. */
  public Optional<SignerIdentity> signerIdentity() {
    return signer.map(AttestedSigner::identity);
  }

  /** The latest block seen on the contract's chain, -1 before any. */
  public long latestBlock() {
    return chain.latestBlock();
  }

  /** Stops the attestation, the keeper and the follow, then runs the close action. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      attestation.ifPresent(SignerAttestationWait::close);
      stopKeeper();
    } finally {
      onClose.run();
    }
  }

  private synchronized void stopKeeper() {
    Running current = running;
    if (current != null) {
      chain.removeHeadListener(current.keeper());
      current.follow().close();
      current.keeper().close();
      running = null;
    }
  }

  /**
   * The enclave signer restarted with a new key that the contract now names as its operator (the
   * publisher switched to it): stop the keeper built around the old operator's address and nonces,
   * and attest the signer from the start, on a thread of its own (this is called from a send).
   */
  private void startOver(OperatorSigning.Enclave enclave) {
    if (closed.get() || !startingOver.compareAndSet(false, true)) {
      return;
    }
    Thread thread =
        new Thread(
            () -> {
              LOG.warn("the enclave signer now signs for a new operator; starting the keeper over");
              attestation.ifPresent(SignerAttestationWait::close);
              stopKeeper();
              signer = Optional.empty();
              waiting = KeeperStatus.starting();
              startingOver.set(false);
              if (!closed.get()) {
                attestFirst(enclave);
              }
            },
            "signer-start-over");
    thread.setDaemon(true);
    thread.start();
  }

  private void attestFirst(OperatorSigning.Enclave enclave) {
    Web3jLotteryContract contract =
        new Web3jLotteryContract(chain.reads(), settings.rpcUrl(), settings.contract());
    SignerAttestationWait wait =
        new SignerAttestationWait(
            () ->
                AttestedSigner.connect(
                    enclave, settings.chainId(), contract, () -> startOver(enclave)),
            attested -> {
              signer = Optional.of(attested);
              run(
                  attested,
                  kept -> new EnclaveSeedSource(attested, kept),
                  new SignerRestartWatch(listener, attested));
            },
            this::notAttested,
            Duration.ofSeconds(1),
            Duration.ofSeconds(30));
    attestation = Optional.of(wait);
    if (closed.get()) {
      wait.close(); // closed while starting over: close() may have closed the previous wait
      return;
    }
    wait.start();
  }

  private void notAttested(Problem problem) {
    KeeperStatus next = KeeperStatus.starting().withProblem(problem);
    if (next.equals(waiting)) {
      return;
    }
    waiting = next;
    try {
      listener.onStatus(next);
    } catch (RuntimeException e) {
      LOG.warn("a keeper listener failed on a status change", e);
    }
  }

  /**
   * Builds the keeper with {@code signer} and its seeds, telling {@code told}, follows the contract
   * and starts.
   */
  private synchronized void run(
      Signer signer, Function<LotteryContract, SeedSource> seeds, KeeperListener told) {
    if (closed.get()) {
      return;
    }
    Eip1559TransactionSender sender =
        new Eip1559TransactionSender(
            chain.transactions(),
            signer,
            settings.chainId(),
            RevertDecoder.lottery(),
            settings.feePolicy(),
            ReceiptPolicy.defaults(),
            Clock.systemUTC(),
            chain.newBlock(),
            chain.nonces(signer.address()));
    Web3jLotteryContract contract =
        new Web3jLotteryContract(chain.reads(), settings.rpcUrl(), settings.contract());
    ChainClock clock = chain.clock();
    RoundKeeper keeper =
        new RoundKeeper(
            contract,
            sender,
            seeds.apply(contract),
            new Web3jChainView(chain.reads(), settings.rpcUrl()),
            clock,
            () -> eventDriven(settings.policy(clock.blockInterval())),
            KeeperConfig.forChain(settings.chainId(), settings.feePolicy()),
            told,
            registry);
    FollowHandle follow =
        chain
            .follower()
            .follow(
                FollowRequest.fromHead(contract.address()),
                event -> {
                  keeper.accept(event);
                  alsoTold.accept(event);
                });
    chain.addHeadListener(keeper);
    running = new Running(keeper, follow);
    keeper.start();
  }

  /** The policy with the safety re-read stretched: the keeper is woken by logs and deadlines. */
  private static RoundPolicy eventDriven(RoundPolicy policy) {
    DecisionTiming timing = policy.timing();
    return new RoundPolicy(
        policy.autoStart(),
        policy.paused(),
        policy.extendWhenShort(),
        policy.desired(),
        new DecisionTiming(
            timing.blockTime(),
            timing.drawLead(),
            timing.extendWithin(),
            timing.extensionLength(),
            timing.pendingTimeout(),
            SAFETY_RECHECK));
  }
}
