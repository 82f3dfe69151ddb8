package io.enclavelottery.charts;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Release;
import org.junit.jupiter.api.Test;

/** What {@code helm install} prints after installing: how to check it and what to do next. */
class NotesTest {

  @Test
  void notesTellHowToCheckTheLeaseUpgradeTheCrdAndWhatAnEnclaveNeeds() {
    Release release =
        Chart.helm()
            .install()
            .withName(Chart.RELEASE)
            .withNamespace(Chart.NAMESPACE)
            .withValuesFile(Chart.valuesFile("enclave-values.yaml"))
            .dryRun()
            .clientOnly()
            .call();
    assertThat(release.getOutput())
        .contains(
            "rollout status deploy/lottery-enclave-lottery-controller",
            "get lease enclave-lottery-operator",
            "helm show crds",
            "LotteryRound sepolia-lottery uses an enclave signer",
            "`privileged` Pod Security");
  }
}
