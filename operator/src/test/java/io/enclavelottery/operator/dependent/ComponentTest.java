package io.enclavelottery.operator.dependent;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.crd.LotteryRound;
import org.junit.jupiter.api.Test;

class ComponentTest {

  @Test
  void namesChildrenAfterTheLotteryRound() {
    LotteryRound round = ExampleRounds.complete();

    assertThat(Component.FRONTEND.name(round)).isEqualTo("sepolia-lottery-frontend");
    assertThat(Component.SIGNER.name(round)).isEqualTo("sepolia-lottery-signer");
    assertThat(Component.SIGNER.metadata(round).getNamespace()).isEqualTo("lottery");
  }

  @Test
  void labelsCarryNameInstanceComponentAndManager() {
    LotteryRound round = ExampleRounds.complete();

    assertThat(Component.FRONTEND.labels(round))
        .containsEntry("app.kubernetes.io/name", "enclave-lottery")
        .containsEntry("app.kubernetes.io/instance", "sepolia-lottery")
        .containsEntry("app.kubernetes.io/component", "frontend")
        .containsEntry("app.kubernetes.io/managed-by", "enclave-lottery-operator");
    assertThat(Component.SIGNER.selector(round))
        .containsOnlyKeys(
            "app.kubernetes.io/name", "app.kubernetes.io/instance", "app.kubernetes.io/component")
        .containsEntry("app.kubernetes.io/component", "signer");
  }

  @Test
  void shortensLongNamesToDistinctValidOnes() {
    LotteryRound first = named("a".repeat(100) + "-one");
    LotteryRound second = named("a".repeat(100) + "-two");

    String firstName = Component.FRONTEND.name(first);
    assertThat(firstName).hasSizeLessThanOrEqualTo(63).endsWith("-frontend");
    assertThat(firstName).matches("[a-z]([-a-z0-9]*[a-z0-9])?");
    assertThat(firstName).isNotEqualTo(Component.FRONTEND.name(second));
    assertThat(Component.FRONTEND.selector(first).get("app.kubernetes.io/instance"))
        .hasSizeLessThanOrEqualTo(63)
        .isNotEqualTo(Component.FRONTEND.selector(second).get("app.kubernetes.io/instance"));
    assertThat(Component.FRONTEND.name(first))
        .isEqualTo(Component.FRONTEND.name(named("a".repeat(100) + "-one")));
  }

  @Test
  void turnsNamesThatAreNoServiceNamesIntoOnes() {
    LotteryRound dotted = named("lottery.v2");
    LotteryRound dashed = named("lottery-v2");
    LotteryRound digitFirst = named("2026-lottery");

    assertThat(Component.SIGNER.name(dotted))
        .matches("lottery-v2-[0-9a-f]{8}-signer")
        .isNotEqualTo(Component.SIGNER.name(dashed));
    assertThat(Component.SIGNER.name(dashed)).isEqualTo("lottery-v2-signer");
    assertThat(Component.SIGNER.name(digitFirst)).matches("lottery-[0-9a-f]{8}-signer");
    assertThat(Component.SIGNER.selector(dotted))
        .containsEntry("app.kubernetes.io/instance", "lottery.v2");
  }

  private static LotteryRound named(String name) {
    LotteryRound round = ExampleRounds.minimal();
    round.getMetadata().setName(name);
    return round;
  }
}
