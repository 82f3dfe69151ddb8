package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.reconciler.SpecValidator;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.dependent.DependentResource;
import io.javaoperatorsdk.operator.processing.dependent.workflow.Condition;

/**
 * Reconcile precondition of the signer's children: they exist only for a valid spec with {@code
 * signer.type: enclave} (a local signer lives inside the controller); switched to local or made
 * invalid, JOSDK deletes them.
 */
public class EnclaveSignerCondition implements Condition<Object, LotteryRound> {

  @Override
  public boolean isMet(
      DependentResource<Object, LotteryRound> dependentResource,
      LotteryRound primary,
      Context<LotteryRound> context) {
    return SpecValidator.isValid(primary.getSpec())
        && primary.getSpec().signer().type() == SignerType.ENCLAVE
        && primary.getSpec().signer().enclave() != null;
  }
}
