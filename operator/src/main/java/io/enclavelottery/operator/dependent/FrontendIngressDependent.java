package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.FrontendIngress;
import io.enclavelottery.crd.LotteryRound;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLSBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.util.List;

/**
 * The Ingress that publishes the frontend, {@code <lotteryround>-frontend}: every path of {@code
 * frontend.ingress.host} to the frontend Service's {@code http} port (UI, REST and the WebSocket
 * feed alike), with TLS from {@code tlsSecretName} when given.
 */
public class FrontendIngressDependent extends LotteryRoundChild<Ingress> {

  public FrontendIngressDependent() {
    super(Ingress.class, Component.FRONTEND);
  }

  @Override
  protected Ingress desired(LotteryRound primary, Context<LotteryRound> context) {
    FrontendIngress ingress = primary.getSpec().frontend().ingress();
    return new IngressBuilder()
        .withMetadata(Component.FRONTEND.metadata(primary))
        .withNewSpec()
        .withIngressClassName(ingress.className())
        .withTls(tls(ingress))
        .addNewRule()
        .withHost(ingress.host())
        .withNewHttp()
        .addNewPath()
        .withPath("/")
        .withPathType("Prefix")
        .withNewBackend()
        .withNewService()
        .withName(Component.FRONTEND.name(primary))
        .withNewPort()
        .withName("http")
        .endPort()
        .endService()
        .endBackend()
        .endPath()
        .endHttp()
        .endRule()
        .endSpec()
        .build();
  }

  private static List<IngressTLS> tls(FrontendIngress ingress) {
    return ingress.tlsSecretName() == null
        ? List.of()
        : List.of(
            new IngressTLSBuilder()
                .withHosts(ingress.host())
                .withSecretName(ingress.tlsSecretName())
                .build());
  }
}
