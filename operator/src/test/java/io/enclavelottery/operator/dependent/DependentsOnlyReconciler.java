package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.LotteryRound;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reconciler that does nothing but run the children's workflow, declared exactly as the package
 * documentation tells the real reconciler to.
 */
@Workflow(
    dependents = {
      @Dependent(
          name = "frontend-configmap",
          type = FrontendConfigMapDependent.class,
          reconcilePrecondition = FrontendEnabledCondition.class),
      @Dependent(
          name = "frontend-deployment",
          type = FrontendDeploymentDependent.class,
          reconcilePrecondition = FrontendEnabledCondition.class,
          dependsOn = "frontend-configmap"),
      @Dependent(
          name = "frontend-service",
          type = FrontendServiceDependent.class,
          reconcilePrecondition = FrontendEnabledCondition.class),
      @Dependent(
          name = "frontend-ingress",
          type = FrontendIngressDependent.class,
          reconcilePrecondition = FrontendIngressCondition.class,
          dependsOn = "frontend-service"),
      @Dependent(
          name = "frontend-networkpolicy",
          type = FrontendNetworkPolicyDependent.class,
          reconcilePrecondition = FrontendEnabledCondition.class),
      @Dependent(
          name = "signer-deployment",
          type = SignerDeploymentDependent.class,
          reconcilePrecondition = EnclaveSignerCondition.class),
      @Dependent(
          name = "signer-service",
          type = SignerServiceDependent.class,
          reconcilePrecondition = EnclaveSignerCondition.class),
      @Dependent(
          name = "signer-networkpolicy",
          type = SignerNetworkPolicyDependent.class,
          reconcilePrecondition = EnclaveSignerCondition.class)
    })
class DependentsOnlyReconciler implements Reconciler<LotteryRound> {

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
