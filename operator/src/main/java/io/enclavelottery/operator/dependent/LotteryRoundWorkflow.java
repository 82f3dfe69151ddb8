package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.LotteryRound;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;

/**
 * The Kubernetes children of a LotteryRound, declared once: a reconciler that extends this class
 * gets them ({@code @Workflow} is inherited), and JOSDK reconciles them before the reconciler's own
 * {@code reconcile}. Reconcile preconditions rather than activation conditions: JOSDK deletes a
 * child whose precondition turns false, which is what switching the frontend off or the signer to
 * {@code local} must do.
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
public abstract class LotteryRoundWorkflow implements Reconciler<LotteryRound> {}
