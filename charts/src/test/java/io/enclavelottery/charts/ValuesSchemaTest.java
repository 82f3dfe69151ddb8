package io.enclavelottery.charts;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** values.schema.json refuses bad values before anything is rendered, naming what is wrong. */
class ValuesSchemaTest {

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("controller.replicas", 0, "controller.replicas"),
        Arguments.of("controler.replicas", 2, "controler"),
        Arguments.of("image.digest", "latest", "image.digest"),
        Arguments.of("image.pullPolicy", "Sometimes", "image.pullPolicy"),
        Arguments.of("controller.logLevel", "LOUD", "controller.logLevel"),
        Arguments.of("controller.watchNamespaces[0]", "Not_A_Namespace", "watchNamespaces"),
        Arguments.of("controller.healthPort", 80, "controller.healthPort"),
        Arguments.of("enclaveDefaults.cpuCount", 1, "enclaveDefaults.cpuCount"),
        Arguments.of(
            "monitoring.prometheusRule.operatorBalanceMinEther", 0, "operatorBalanceMinEther"),
        Arguments.of("metrics.serviceMonitor.interval", "often", "interval"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badValues")
  void badValueFailsTheTemplateNamingTheValue(String key, Object value, String named) {
    assertThatThrownBy(() -> Chart.template(Map.of(key, value)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("values don't meet the specifications of the schema")
        .hasMessageContaining(named);
  }

  @Test
  void aLotteryRoundWithoutSignerIsRefused() {
    assertThatThrownBy(
            () ->
                Chart.template(
                    Map.of(
                        "lotteryRounds[0].name", "l",
                        "lotteryRounds[0].spec.chain.chainId", 1,
                        "lotteryRounds[0].spec.contract.address", "0x1")))
        .hasMessageContaining("signer");
  }

  @Test
  void theShippedValuesFilesPass() {
    assertThatCode(() -> Chart.template(Map.of(), "monitoring-values.yaml", "enclave-values.yaml"))
        .doesNotThrowAnyException();
  }
}
