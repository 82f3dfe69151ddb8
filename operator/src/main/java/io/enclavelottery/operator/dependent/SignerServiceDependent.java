package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.EnclaveSpec;
import io.enclavelottery.crd.LotteryRound;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.net.URI;

/**
 * The ClusterIP Service of the signer, {@code <lotteryround>-signer}: the controller signs through
 * {@code <lotteryround>-signer.<namespace>.svc:<signingPort>}, the frontend fetches attestation
 * documents from {@code …:<attestationPort>}. Who may connect is {@link
 * SignerNetworkPolicyDependent}'s business.
 */
public class SignerServiceDependent extends LotteryRoundChild<Service> {

  public SignerServiceDependent() {
    super(Service.class, Component.SIGNER);
  }

  @Override
  protected Service desired(LotteryRound primary, Context<LotteryRound> context) {
    EnclaveSpec enclave = primary.getSpec().signer().enclave();
    return new ServiceBuilder()
        .withMetadata(Component.SIGNER.metadata(primary))
        .withNewSpec()
        .withType("ClusterIP")
        .withSelector(Component.SIGNER.selector(primary))
        .withPorts(
            port(SignerDeploymentDependent.SIGNING_PORT_NAME, enclave.signingPort()),
            port(SignerDeploymentDependent.ATTESTATION_PORT_NAME, enclave.attestationPort()))
        .endSpec()
        .build();
  }

  /** Where the controller asks the signer of {@code primary} for signatures. */
  public static URI signingUrl(LotteryRound primary) {
    return url(primary, primary.getSpec().signer().enclave().signingPort());
  }

  /** Where the signer of {@code primary} serves attestation documents. */
  public static URI attestationUrl(LotteryRound primary) {
    return url(primary, primary.getSpec().signer().enclave().attestationPort());
  }

  private static URI url(LotteryRound primary, int port) {
    return URI.create(
        "http://%s.%s.svc:%d/"
            .formatted(Component.SIGNER.name(primary), primary.getMetadata().getNamespace(), port));
  }

  private static ServicePort port(String name, int port) {
    return new ServicePortBuilder()
        .withName(name)
        .withProtocol("TCP")
        .withPort(port)
        .withTargetPort(new IntOrString(name))
        .build();
  }
}
