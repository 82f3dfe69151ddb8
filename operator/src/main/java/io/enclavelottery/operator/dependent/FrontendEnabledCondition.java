package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.operator.reconciler.SpecValidator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the frontend's children: they exist only while the spec is valid and
 * {@code frontend.enabled}; turned off or made invalid, JOSDK deletes them (an invalid spec runs no
 * rounds, so a frontend would only show a contract nobody keeps).
 */
public class FrontendEnabledCondition implements Condition<Object, LotteryRound> {

  @Override
  public boolean isMet(
      DependentResource<Object, LotteryRound> dependentResource,
      LotteryRound primary,
      Context<LotteryRound> context) {
    return SpecValidator.isValid(primary.getSpec()) && primary.getSpec().frontend().enabled();
  }
}
