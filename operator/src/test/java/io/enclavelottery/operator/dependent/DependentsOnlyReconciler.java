package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.LotteryRound;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reconciler that does nothing but run the children's workflow, inherited from {@link
 * LotteryRoundWorkflow} as the real reconciler inherits it.
 */
class DependentsOnlyReconciler extends LotteryRoundWorkflow {

  private final AtomicInteger reconciles = new AtomicInteger();

  @Override
  public UpdateControl<LotteryRound> reconcile(
      LotteryRound primary, Context<LotteryRound> context) {
    reconciles.incrementAndGet();
    return UpdateControl.noUpdate();
  }

  /** How many times reconcile ran (each after the workflow). */
  int reconciles() {
    return reconciles.get();
  }
}
