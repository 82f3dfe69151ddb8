package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.LotteryPhase;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.RoundState;
import io.enclavelottery.crd.RoundStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusRecorderTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void theFirstStatusIsWrittenWithStampedConditions() {
    LotteryRound resource = resource(null);

    UpdateControl<LotteryRound> control = recorder(T0).record(resource, running(100, 1));

    assertThat(control.isPatchStatus()).isTrue();
    LotteryRoundStatus written = resource.getStatus();
    assertThat(written.observedGeneration()).isEqualTo(3L);
    assertThat(written.condition(ConditionType.READY).orElseThrow())
        .extracting(LotteryCondition::lastTransitionTime, LotteryCondition::observedGeneration)
        .containsExactly("2026-01-01T00:00:00Z", 3L);
  }

  @Test
  void nothingIsWrittenWhenNothingChanged() {
    LotteryRound resource = resource(null);
    recorder(T0).record(resource, running(100, 1));
    LotteryRoundStatus stored = resource.getStatus();

    UpdateControl<LotteryRound> control =
        recorder(T0.plusSeconds(30)).record(resource, running(100, 1));

    assertThat(control.isNoUpdate()).isTrue();
    assertThat(resource.getStatus()).isSameAs(stored);
  }

  @Test
  void aNewBlockAloneIsNoChange() {
    LotteryRound resource = resource(null);
    recorder(T0).record(resource, running(100, 1));

    assertThat(recorder(T0.plusSeconds(5)).record(resource, running(105, 1)).isNoUpdate()).isTrue();
    assertThat(resource.getStatus().latestBlock()).isEqualTo(100L);
  }

  @Test
  void aChangeIsWrittenWithTheLatestBlockAlong() {
    LotteryRound resource = resource(null);
    recorder(T0).record(resource, running(100, 1));

    UpdateControl<LotteryRound> control =
        recorder(T0.plusSeconds(5)).record(resource, running(105, 2));

    assertThat(control.isPatchStatus()).isTrue();
    assertThat(resource.getStatus().round().id()).isEqualTo(2L);
    assertThat(resource.getStatus().latestBlock()).isEqualTo(105L);
    // Ready stayed True: its transition time stays where it was
    assertThat(
            resource.getStatus().condition(ConditionType.READY).orElseThrow().lastTransitionTime())
        .isEqualTo("2026-01-01T00:00:00Z");
  }

  @Test
  void aConditionThatFlipsGetsANewTransitionTime() {
    LotteryRound resource = resource(null);
    recorder(T0).record(resource, running(100, 1));

    LotteryRoundStatus blocked =
        LotteryStatuses.notRunning(
            resource.getStatus(),
            LotteryPhase.BLOCKED,
            ConditionType.SIGNER_READY,
            "SecretNotFound",
            "Secret lottery/key does not exist");
    assertThat(recorder(T0.plusSeconds(60)).record(resource, blocked).isPatchStatus()).isTrue();

    LotteryCondition ready = resource.getStatus().condition(ConditionType.READY).orElseThrow();
    assertThat(ready.status()).isEqualTo(ConditionStatus.FALSE);
    assertThat(ready.lastTransitionTime()).isEqualTo("2026-01-01T00:01:00Z");
    assertThat(resource.getStatus().round().id()).as("what the chain showed is kept").isEqualTo(1L);
  }

  @Test
  void aNewGenerationOfTheSpecIsWritten() {
    LotteryRound resource = resource(null);
    recorder(T0).record(resource, running(100, 1));
    resource.getMetadata().setGeneration(4L);

    assertThat(recorder(T0).record(resource, running(100, 1)).isPatchStatus()).isTrue();
    assertThat(resource.getStatus().observedGeneration()).isEqualTo(4L);
  }

  private static StatusRecorder recorder(Instant now) {
    return new StatusRecorder(Clock.fixed(now, ZoneOffset.UTC));
  }

  private static LotteryRound resource(LotteryRoundStatus status) {
    LotteryRound resource = new LotteryRound();
    resource.setMetadata(
        new ObjectMetaBuilder()
            .withNamespace("lottery")
            .withName("main")
            .withGeneration(3L)
            .build());
    resource.setStatus(status);
    return resource;
  }

  private static LotteryRoundStatus running(long block, long roundId) {
    return new LotteryRoundStatus(
        null,
        LotteryPhase.RUNNING,
        List.of(
            new LotteryCondition(
                ConditionType.READY, ConditionStatus.TRUE, "Running", "betting", null, null)),
        31337L,
        block,
        "0x70997970c51812dc3a010c7d01b50e0d17dc79c8",
        null,
        null,
        null,
        null,
        0L,
        new RoundStatus(roundId, RoundState.BETTING, null, null, null, null, null, null, null),
        null,
        null,
        null,
        null,
        null,
        null);
  }
}
