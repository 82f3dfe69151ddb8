package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.FrontendSpec;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.operator.reconciler.SpecValidator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the frontend's Ingress: it exists only while the spec is valid and both
 * {@code frontend.enabled} and {@code frontend.ingress.enabled}; otherwise JOSDK deletes it.
 */
public class FrontendIngressCondition implements Condition<Object, LotteryRound> {

  @Override
  public boolean isMet(
      DependentResource<Object, LotteryRound> dependentResource,
      LotteryRound primary,
      Context<LotteryRound> context) {
    FrontendSpec frontend = primary.getSpec().frontend();
    return SpecValidator.isValid(primary.getSpec())
        && frontend.enabled()
        && frontend.ingress().enabled()
        && frontend.ingress().host() != null;
  }
}
