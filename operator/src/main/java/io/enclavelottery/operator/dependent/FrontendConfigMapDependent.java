package io.enclavelottery.operator.dependent;

import io.enclavelottery.crd.LotteryRound;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.javaoperatorsdk.operator.api.reconciler.Context;

/** The frontend-server's configuration, {@code <lotteryround>-frontend}: its environment. */
public class FrontendConfigMapDependent extends LotteryRoundChild<ConfigMap> {

  public FrontendConfigMapDependent() {
    super(ConfigMap.class, Component.FRONTEND);
  }

  @Override
  protected ConfigMap desired(LotteryRound primary, Context<LotteryRound> context) {
    return new ConfigMapBuilder()
        .withMetadata(Component.FRONTEND.metadata(primary))
        .withData(FrontendEnvironment.of(primary).sorted())
        .build();
  }
}
