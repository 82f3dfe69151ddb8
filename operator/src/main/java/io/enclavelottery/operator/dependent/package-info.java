/**
 * The Kubernetes children of a LotteryRound, one JOSDK dependent resource each, every one owned by
 * the LotteryRound (owner reference), named {@code <lotteryround>-frontend} or {@code
 * <lotteryround>-signer} and labelled by {@link io.enclavelottery.operator.dependent.Component}.
 * {@link io.enclavelottery.operator.dependent.LotteryRoundWorkflow} declares them as a workflow,
 * which the reconciler inherits.
 *
 * <p>The conditions are reconcile preconditions, not activation conditions: JOSDK deletes a child
 * whose reconcile precondition turns false, but leaves in place one whose activation condition does
 * (activation is meant for kinds a cluster may lack). Against fabric8's mock API server (no
 * server-side apply) the operator must be built with {@code
 * withSSABasedCreateUpdateMatchForDependentResources(false)}.
 */
package io.enclavelottery.operator.dependent;
