package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.LotteryRound;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the frontend's children: they exist only while {@code
 * frontend.enabled}; turned off, JOSDK deletes them.
 */
public class FrontendEnabledCondition implements Condition<Object, LotteryRound> {

  @Override
  public boolean isMet(
      DependentResource<Object, LotteryRound> dependentResource,
      LotteryRound primary,
      Context<LotteryRound> context) {
    return primary.getSpec().frontend().enabled();
  }
}
