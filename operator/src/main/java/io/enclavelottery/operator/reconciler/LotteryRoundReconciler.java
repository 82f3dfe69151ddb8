package io.enclavelottery.operator.reconciler;

import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.LotteryPhase;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.operator.dependent.LotteryRoundWorkflow;
import io.enclavelottery.operator.keeper.KeeperStatus;
import io.enclavelottery.operator.keeper.OperatorSigning;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Runs each LotteryRound's contract through its own keeper: validates the spec, settles which
 * LotteryRound runs a contract named twice, sets up its signer (the key from its Secret, or its
 * enclave signer, which the keeper uses only once attested), keeps one keeper per LotteryRound
 * running, and writes the status from the keeper's state. The keeper acts on the chain on its own
 * thread and asks for a reconcile when its state changes; bad input becomes conditions and a
 * Warning Event, and nothing is sent.
 */
@ControllerConfiguration(name = LotteryRoundReconciler.NAME)
public final class LotteryRoundReconciler extends LotteryRoundWorkflow
    implements Cleaner<LotteryRound> {

  /** The controller's name. */
  public static final String NAME = "lotteryround";

  /** How soon a LotteryRound that cannot run is looked at again (its Secret is not watched). */
  static final Duration RETRY_BLOCKED = Duration.ofSeconds(15);

  /** How soon a running one is looked at again, to re-read its key. */
  static final Duration RECHECK_RUNNING = Duration.ofSeconds(60);

  private final SpecValidator validator;
  private final SignerSetup signers;
  private final RoundKeepers keepers;
  private final StatusRecorder recorder;
  private final EventRecorder events;
  private final ConditionEvents problems;
  private final ConditionEvents heldSettings;
  private final SimpleInboundEventSource<LotteryRound> keeperChanges =
      new SimpleInboundEventSource<>("keeper-changes");

  public LotteryRoundReconciler(
      SpecValidator validator,
      SignerSetup signers,
      RoundKeepers keepers,
      StatusRecorder recorder,
      EventRecorder events) {
    this.validator = Objects.requireNonNull(validator, "validator");
    this.signers = Objects.requireNonNull(signers, "signers");
    this.keepers = Objects.requireNonNull(keepers, "keepers");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.events = Objects.requireNonNull(events, "events");
    this.problems = ConditionEvents.problems(events);
    this.heldSettings = ConditionEvents.heldSettings(events);
  }

  @Override
  public List<EventSource<?, LotteryRound>> prepareEventSources(
      EventSourceContext<LotteryRound> context) {
    return List.of(keeperChanges, keepers.contractEvents());
  }

  @Override
  public UpdateControl<LotteryRound> reconcile(
      LotteryRound resource, Context<LotteryRound> context) {
    ResourceID id = ResourceID.fromResource(resource);
    LotteryRoundSpec spec = resource.getSpec();
    Optional<String> invalid = validator.validate(spec);
    if (invalid.isPresent()) {
      return notRunning(
          resource, LotteryPhase.BLOCKED, ConditionType.READY, "InvalidSpec", invalid.get());
    }
    Optional<LotteryRound> runner =
        ContractClaims.runnerOtherThan(
            resource,
            context
                .getPrimaryCache()
                .list(other -> validator.problems(other.getSpec()).isEmpty())
                .toList());
    if (runner.isPresent()) {
      String message = standbyMessage(spec, runner.get());
      return notRunning(resource, LotteryPhase.STANDBY, ConditionType.READY, "Standby", message);
    }
    SignerSetup.Outcome signer = signers.of(resource);
    if (signer instanceof SignerSetup.Outcome.Blocked blocked) {
      return notRunning(
          resource,
          LotteryPhase.BLOCKED,
          ConditionType.SIGNER_READY,
          blocked.reason(),
          blocked.message());
    }
    OperatorSigning signing = ((SignerSetup.Outcome.Ready) signer).signing();
    RoundKeepers.Kept kept =
        keepers.ensure(
            id,
            KeeperTarget.of(spec, signing),
            () ->
                new KeeperReporter(
                    EventRecorder.referenceTo(resource),
                    events,
                    () -> keeperChanges.propagateEvent(id)));
    KeeperStatus keeper = kept.keeper().status();
    LotteryRoundStatus next =
        LotteryStatuses.running(
            spec,
            keeper,
            signing instanceof OperatorSigning.LocalKey local
                ? SignerReport.localKey(spec.signer().keySecretRef().name(), local.key().address())
                : SignerReport.enclave(kept.keeper().signerIdentity(), keeper),
            kept.keeper().latestBlock(),
            kept.reporter().lastResult(),
            resource.getStatus());
    return record(resource, next, RECHECK_RUNNING);
  }

  @Override
  public DeleteControl cleanup(LotteryRound resource, Context<LotteryRound> context) {
    keepers.stop(ResourceID.fromResource(resource));
    problems.forget(ResourceID.fromResource(resource));
    heldSettings.forget(ResourceID.fromResource(resource));
    return DeleteControl.defaultDelete();
  }

  /** Stops the keeper and reports why nothing runs. */
  private UpdateControl<LotteryRound> notRunning(
      LotteryRound resource,
      LotteryPhase phase,
      ConditionType type,
      String reason,
      String message) {
    keepers.stop(ResourceID.fromResource(resource));
    LotteryRoundStatus next =
        LotteryStatuses.notRunning(resource.getStatus(), phase, type, reason, message);
    return record(resource, next, RETRY_BLOCKED);
  }

  /**
   * Warns when Ready turns False for a new reason or message, and says when settings are held (a
   * lasting condition is one Event, not one per reconcile), then records the status.
   */
  private UpdateControl<LotteryRound> record(
      LotteryRound resource, LotteryRoundStatus next, Duration recheck) {
    problems.update(resource, next);
    heldSettings.update(resource, next);
    return recorder.record(resource, next).rescheduleAfter(recheck);
  }

  private static String standbyMessage(LotteryRoundSpec spec, LotteryRound runner) {
    return "LotteryRound "
        + runner.getMetadata().getNamespace()
        + "/"
        + runner.getMetadata().getName()
        + " is older and runs contract "
        + spec.contract().address()
        + " on chain "
        + spec.chain().chainId()
        + "; this one does nothing while that one exists";
  }
}
