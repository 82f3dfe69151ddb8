package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.EnclaveSpec;
import io.enclavelottery.crd.LotteryRound;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.Map;

/**
 * Who may reach the signer pod, {@code <lotteryround>-signer}: the signing port only the
 * controller's pods ({@link Component#CONTROLLER_POD_LABELS} in the controller's namespace), the
 * attestation port only this LotteryRound's frontend pods; nothing else in, and nothing out (the
 * signer's pod only bridges to its enclave, which has no network).
 *
 * <p>The controller's namespace is its Kubernetes client's namespace, which in a pod is the service
 * account's namespace; where the client has none, the LotteryRound's.
 */
public class SignerNetworkPolicyDependent extends LotteryRoundChild<NetworkPolicy> {

  public SignerNetworkPolicyDependent() {
    super(NetworkPolicy.class, Component.SIGNER);
  }

  /** The label Kubernetes puts on every namespace with its name. */
  static final String NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

  @Override
  protected NetworkPolicy desired(LotteryRound primary, Context<LotteryRound> context) {
    String clientNamespace = context.getClient().getNamespace();
    return policy(
        primary, clientNamespace == null ? primary.getMetadata().getNamespace() : clientNamespace);
  }

  static NetworkPolicy policy(LotteryRound primary, String controllerNamespace) {
    EnclaveSpec enclave = primary.getSpec().signer().enclave();
    NetworkPolicyPeer controller =
        new NetworkPolicyPeerBuilder()
            .withNewNamespaceSelector()
            .withMatchLabels(Map.of(NAMESPACE_NAME_LABEL, controllerNamespace))
            .endNamespaceSelector()
            .withNewPodSelector()
            .withMatchLabels(Component.CONTROLLER_POD_LABELS)
            .endPodSelector()
            .build();
    NetworkPolicyPeer frontend =
        new NetworkPolicyPeerBuilder()
            .withNewPodSelector()
            .withMatchLabels(Component.FRONTEND.selector(primary))
            .endPodSelector()
            .build();
    return new NetworkPolicyBuilder()
        .withMetadata(Component.SIGNER.metadata(primary))
        .withNewSpec()
        .withNewPodSelector()
        .withMatchLabels(Component.SIGNER.selector(primary))
        .endPodSelector()
        .withPolicyTypes("Ingress", "Egress")
        .withIngress(
            admit(controller, enclave.signingPort()), admit(frontend, enclave.attestationPort()))
        .endSpec()
        .build();
  }

  private static NetworkPolicyIngressRule admit(NetworkPolicyPeer peer, int port) {
    return new NetworkPolicyIngressRuleBuilder()
        .withFrom(peer)
        .addNewPort()
        .withProtocol("TCP")
        .withPort(new IntOrString(port))
        .endPort()
        .build();
  }
}
