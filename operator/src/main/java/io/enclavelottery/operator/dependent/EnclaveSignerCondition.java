package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.SignerType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the signer's children: they exist only for {@code signer.type: enclave}
 * (a local signer lives inside the controller); switched to local, JOSDK deletes them.
 */
public class EnclaveSignerCondition implements Condition<Object, LotteryRound> {

  @Override
  public boolean isMet(
      DependentResource<Object, LotteryRound> dependentResource,
      LotteryRound primary,
      Context<LotteryRound> context) {
    return primary.getSpec().signer().type() == SignerType.ENCLAVE
        && primary.getSpec().signer().enclave() != null;
  }
}
