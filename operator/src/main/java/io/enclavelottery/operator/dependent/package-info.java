/**
 * The Kubernetes children of a LotteryRound, one JOSDK dependent resource each, every one owned by
 * the LotteryRound (owner reference), named {@code <lotteryround>-frontend} or {@code
 * <lotteryround>-signer} and labelled by {@link io.enclavelottery.operator.dependent.Component}.
 * The reconciler declares them as its workflow:
 *
 * <pre>{@code
 * @Workflow(
 *     dependents = {
 *       @Dependent(name = "frontend-configmap", type = FrontendConfigMapDependent.class,
 *           reconcilePrecondition = FrontendEnabledCondition.class),
 *       @Dependent(name = "frontend-deployment", type = FrontendDeploymentDependent.class,
 *           reconcilePrecondition = FrontendEnabledCondition.class,
 *           dependsOn = "frontend-configmap"),
 *       @Dependent(name = "frontend-service", type = FrontendServiceDependent.class,
 *           reconcilePrecondition = FrontendEnabledCondition.class),
 *       @Dependent(name = "frontend-ingress", type = FrontendIngressDependent.class,
 *           reconcilePrecondition = FrontendIngressCondition.class,
 *           dependsOn = "frontend-service"),
 *       @Dependent(name = "frontend-networkpolicy", type = FrontendNetworkPolicyDependent.class,
 *           reconcilePrecondition = FrontendEnabledCondition.class),
 *       @Dependent(name = "signer-deployment", type = SignerDeploymentDependent.class,
 *           reconcilePrecondition = EnclaveSignerCondition.class),
 *       @Dependent(name = "signer-service", type = SignerServiceDependent.class,
 *           reconcilePrecondition = EnclaveSignerCondition.class),
 *       @Dependent(name = "signer-networkpolicy", type = SignerNetworkPolicyDependent.class,
 *           reconcilePrecondition = EnclaveSignerCondition.class)
 *     })
 * }</pre>
 *
 * <p>The conditions are reconcile preconditions, not activation conditions: JOSDK deletes a child
 * whose reconcile precondition turns false, but leaves in place one whose activation condition does
 * (activation is meant for kinds a cluster may lack). Against fabric8's mock API server (no
 * server-side apply) the operator must be built with {@code
 * withSSABasedCreateUpdateMatchForDependentResources(false)}.
 */
package io.enclavelottery.operator.dependent;
