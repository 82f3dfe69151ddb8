package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.LotteryRound;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.dependent.kubernetes.CRUDKubernetesDependentResource;
import io.javaoperatorsdk.operator.processing.event.ResourceID;

/**
 * A child of a LotteryRound that JOSDK creates, updates and deletes; subclasses give only its
 * desired state.
 *
 * <p>The child is found by its name, {@code <lotteryround>-<component>}, rather than by JOSDK's
 * default of building the desired object: when its precondition turns false (frontend disabled,
 * signer no longer an enclave) JOSDK must find it to delete it, and by then the spec may no longer
 * hold what the desired object is built from.
 *
 * @param <R> the child's kind
 */
public abstract class LotteryRoundChild<R extends HasMetadata>
    extends CRUDKubernetesDependentResource<R, LotteryRound> {

  private final Component component;

  protected LotteryRoundChild(Class<R> kind, Component component) {
    super(kind);
    this.component = component;
  }

  @Override
  protected ResourceID targetSecondaryResourceID(
      LotteryRound primary, Context<LotteryRound> context) {
    return new ResourceID(component.name(primary), primary.getMetadata().getNamespace());
  }
}
