package io.enclavelottery.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.crd.EnclaveSpec;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.SignerType;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * LotteryRounds from values get the Nitro defaults under what they set themselves; the example
 * beside the chart is a LotteryRound the model reads. What the controller then makes of the
 * rendered one (node selector, device, hugepages) is checked in {@link ControllerRequestsTest}.
 */
class EnclaveValuesTest {

  @Test
  void anEnclaveSignerGetsTheNitroDefaultsUnderItsOwnSettings() {
    EnclaveSpec enclave = renderedLottery().getSpec().signer().enclave();
    assertThat(enclave.nodeSelector())
        .containsExactly(Map.entry("aws-nitro-enclaves-k8s-dp", "enabled"));
    assertThat(enclave.cpuCount()).isEqualTo(2);
    // the LotteryRound's own memoryMiB wins over enclaveDefaults' 2048
    assertThat(enclave.memoryMiB()).isEqualTo(3000);
    assertThat(enclave.tolerations())
        .singleElement()
        .satisfies(t -> assertThat(t.getEffect()).isEqualTo("NoSchedule"));
    assertThat(enclave.expectedPcrs()).isNotNull();
  }

  @Test
  void aLocalSignerGetsNoEnclave() {
    HasMetadata rendered =
        Chart.render(
                Map.of(
                    "lotteryRounds[0].name", "local-lottery",
                    "lotteryRounds[0].spec.chain.rpcUrl", "http://node:8545",
                    "lotteryRounds[0].spec.chain.chainId", 31337,
                    "lotteryRounds[0].spec.contract.address",
                        "0x5FbDB2315678afecb367f032d93F642f64180aa3",
                    "lotteryRounds[0].spec.signer.type", "local",
                    "lotteryRounds[0].spec.signer.keySecretRef.name", "operator-key"))
            .ofKind("LotteryRound")
            .get(0);
    LotteryRound lottery = asLotteryRound(rendered);
    assertThat(lottery.getSpec().signer().type()).isEqualTo(SignerType.LOCAL);
    assertThat(lottery.getSpec().signer().enclave()).isNull();
    assertThat(lottery.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
  }

  @Test
  void theExampleBesideTheChartIsAnEnclaveLotteryRound() throws IOException {
    Path example =
        Chart.directory().resolveSibling("examples").resolve("lotteryround-enclave.yaml");
    LotteryRound lottery = Serialization.unmarshal(Files.readString(example), LotteryRound.class);
    assertThat(lottery.getSpec().signer().type()).isEqualTo(SignerType.ENCLAVE);
    assertThat(lottery.getSpec().signer().enclave().nodeSelector())
        .containsEntry("aws-nitro-enclaves-k8s-dp", "enabled");
  }

  private static LotteryRound renderedLottery() {
    return asLotteryRound(
        Chart.render(Map.of(), "enclave-values.yaml").ofKind("LotteryRound").get(0));
  }

  private static LotteryRound asLotteryRound(HasMetadata rendered) {
    return Serialization.unmarshal(Serialization.asYaml(rendered), LotteryRound.class);
  }
}
