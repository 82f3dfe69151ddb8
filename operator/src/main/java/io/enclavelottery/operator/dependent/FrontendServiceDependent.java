package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.FrontendService;
import io.enclavelottery.crd.LotteryRound;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/**
 * The Service in front of the frontend pods, {@code <lotteryround>-frontend}: the type and port of
 * {@code frontend.service} (ClusterIP, 80 by default) to the pods' {@code http} port 6080.
 */
public class FrontendServiceDependent extends LotteryRoundChild<Service> {

  public FrontendServiceDependent() {
    super(Service.class, Component.FRONTEND);
  }

  @Override
  protected Service desired(LotteryRound primary, Context<LotteryRound> context) {
    FrontendService service = primary.getSpec().frontend().service();
    return new ServiceBuilder()
        .withMetadata(Component.FRONTEND.metadata(primary))
        .withNewSpec()
        .withType(serviceType(service.type()))
        .withSelector(Component.FRONTEND.selector(primary))
        .addNewPort()
        .withName("http")
        .withProtocol("TCP")
        .withPort(service.port())
        .withTargetPort(new IntOrString("http"))
        .endPort()
        .endSpec()
        .build();
  }

  private static String serviceType(FrontendService.ServiceType type) {
    return switch (type) {
      case CLUSTER_IP -> "ClusterIP";
      case NODE_PORT -> "NodePort";
      case LOAD_BALANCER -> "LoadBalancer";
    };
  }
}
