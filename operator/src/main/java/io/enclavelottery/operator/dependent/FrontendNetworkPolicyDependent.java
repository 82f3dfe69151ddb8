package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.LotteryRound;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * Which port of the frontend pods is open, {@code <lotteryround>-frontend}: 6080 from anywhere
 * (players arrive through the ingress controller, a load balancer or a node port, whose source
 * addresses differ by cluster), nothing else. Egress stays open: the pods need the chain's node,
 * wherever it is, and the signer's attestation port.
 */
public class FrontendNetworkPolicyDependent extends LotteryRoundChild<NetworkPolicy> {

  public FrontendNetworkPolicyDependent() {
    super(NetworkPolicy.class, Component.FRONTEND);
  }

  @Override
  protected NetworkPolicy desired(LotteryRound primary, Context<LotteryRound> context) {
    return new NetworkPolicyBuilder()
        .withMetadata(Component.FRONTEND.metadata(primary))
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(Component.FRONTEND.selector(primary))
        .endPodSelector()
        .withPolicyTypes("Ingress")
        .addNewIngress()
        .addNewPort()
        .withProtocol("TCP")
        .withPort(new IntOrString(FrontendEnvironment.SERVER_PORT))
        .endPort()
        .endIngress()
        .endSpec()
        .build();
  }
}
