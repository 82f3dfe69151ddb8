package io.enclavelottery.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.crd.FrontendIngress;
import io.enclavelottery.crd.FrontendSpec;
import io.enclavelottery.crd.LotteryRound;
import org.junit.jupiter.api.Test;

class ChildConditionsTest {

  private final FrontendEnabledCondition frontend = new FrontendEnabledCondition();
  private final EnclaveSignerCondition signer = new EnclaveSignerCondition();
  private final FrontendIngressCondition ingress = new FrontendIngressCondition();

  @Test
  void frontendExistsByDefault() {
    assertThat(frontend.isMet(null, ExampleRounds.minimal(), null)).isTrue();
    assertThat(frontend.isMet(null, ExampleRounds.complete(), null)).isTrue();
  }

  @Test
  void frontendGoesWhenDisabled() {
    LotteryRound disabled =
        ExampleRounds.withFrontend(
            ExampleRounds.complete(), new FrontendSpec(false, null, null, null, null));

    assertThat(frontend.isMet(null, disabled, null)).isFalse();
  }

  @Test
  void ingressExistsOnlyWhenAskedForWithAnEnabledFrontend() {
    FrontendIngress wanted = new FrontendIngress(true, "lottery.test", null, null);
    LotteryRound withoutFrontend =
        ExampleRounds.withFrontend(
            ExampleRounds.minimal(), new FrontendSpec(false, null, null, null, wanted));

    assertThat(ingress.isMet(null, ExampleRounds.complete(), null)).isTrue();
    assertThat(ingress.isMet(null, ExampleRounds.minimal(), null)).isFalse();
    assertThat(ingress.isMet(null, withoutFrontend, null)).isFalse();
  }

  @Test
  void signerExistsOnlyForTheEnclaveType() {
    assertThat(signer.isMet(null, ExampleRounds.complete(), null)).isTrue();
    assertThat(signer.isMet(null, ExampleRounds.minimal(), null)).isFalse();
  }
}
