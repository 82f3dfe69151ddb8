package io.enclavelottery.operator.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Inputs the decision refuses, each with a message that names the value and its allowed range, so
 * that no plan can carry a value the contract would reject; and the decision's purity.
 */
class DecisionInputsTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  @Test
  void refusesAMinimumBetOutsideTheContractsRange() {
    assertThatThrownBy(() -> desiredMinBet(BigInteger.valueOf(999_999_999)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minBetAmount must be within [1 gwei, 100 ether], got 999999999 wei");
    assertThatThrownBy(() -> desiredMinBet(BigInteger.TEN.pow(20).add(BigInteger.ONE)))
        .hasMessageContaining("within [1 gwei, 100 ether]");
    assertThat(desiredMinBet(BigInteger.TEN.pow(9)).minBetAmount()).isPresent();
    assertThat(desiredMinBet(BigInteger.TEN.pow(20)).minBetAmount()).isPresent();
  }

  @Test
  void refusesABettingDurationOutsideTheContractsRangeOrNotInWholeSeconds() {
    assertThatThrownBy(() -> desiredDuration(Duration.ofSeconds(9)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bettingDuration must be whole seconds within [10 s, 30 days], got PT9S");
    assertThatThrownBy(() -> desiredDuration(Duration.ofDays(30).plusSeconds(1)))
        .hasMessageContaining("within [10 s, 30 days]");
    assertThatThrownBy(() -> desiredDuration(Duration.ofMillis(10_500)))
        .hasMessageContaining("whole seconds");
    assertThat(desiredDuration(Duration.ofSeconds(10)).bettingDuration()).isPresent();
  }

  @Test
  void refusesAMinimumOfParticipantsOutsideTheContractsRange() {
    assertThatThrownBy(() -> desiredMinParticipants(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minParticipants must be within [2, 1000], got 1");
    assertThatThrownBy(() -> desiredMinParticipants(1_001)).hasMessageContaining("got 1001");
    assertThat(desiredMinParticipants(1_000).minParticipants()).contains(1_000L);
  }

  @Test
  void refusesADrawLeadLongerThanABlockSinceSuchADrawWouldLandTooEarly() {
    assertThatThrownBy(() -> timing(SECOND, Duration.ofSeconds(2), Duration.ofSeconds(30)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("drawLead must be within [0, blockTime = PT1S], got PT2S");
    assertThatThrownBy(() -> timing(SECOND, Duration.ofSeconds(-1), Duration.ofSeconds(30)))
        .hasMessageContaining("drawLead");
    assertThat(timing(SECOND, Duration.ZERO, Duration.ofSeconds(30)).drawLead()).isZero();
  }

  @Test
  void refusesAnExtensionWindowNoLongerThanABlockSinceNoExtensionCouldLandInIt() {
    assertThatThrownBy(() -> timing(Duration.ofSeconds(12), SECOND, Duration.ofSeconds(12)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("extendWithin must be longer than blockTime = PT12S, got PT12S");
  }

  @Test
  void refusesTimesThatAreNotPositive() {
    assertThatThrownBy(() -> DecisionTiming.forBlockTime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("blockTime must be positive, got PT0S");
    DecisionTiming defaults = DecisionTiming.forBlockTime(SECOND);
    assertThatThrownBy(
            () ->
                new DecisionTiming(
                    SECOND,
                    SECOND,
                    defaults.extendWithin(),
                    defaults.extensionLength(),
                    defaults.pendingTimeout(),
                    Duration.ofSeconds(-5)))
        .hasMessage("recheckInterval must be positive, got PT-5S");
  }

  @Test
  void defaultsFollowTheBlockTime() {
    DecisionTiming oneSecond = DecisionTiming.forBlockTime(SECOND);
    assertThat(oneSecond.drawLead()).isEqualTo(SECOND);
    assertThat(oneSecond.extendWithin()).isEqualTo(Duration.ofSeconds(30));
    DecisionTiming mainnet = DecisionTiming.forBlockTime(Duration.ofSeconds(12));
    assertThat(mainnet.drawLead()).isEqualTo(Duration.ofSeconds(12));
    assertThat(mainnet.extendWithin()).isEqualTo(Duration.ofSeconds(36));
    assertThat(mainnet.extensionLength()).isEqualTo(Duration.ofMinutes(2));
    assertThat(mainnet.pendingTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(mainnet.recheckInterval()).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void refusesAPendingTransactionThatSendsNothing() {
    assertThatThrownBy(() -> new PendingTransaction(new Action.None(), Scenario.T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a pending transaction needs an action that sends one");
  }

  @Test
  void refusesAChangeBetweenTwoDifferentSettings() {
    assertThatThrownBy(
            () ->
                new SettingChange(
                    new Setting.MinParticipants(2),
                    new Setting.MinBetAmount(BigInteger.TEN.pow(15))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("minParticipants and minBetAmount");
  }

  @Test
  void refusesAnObservationWithAMissingPart() {
    Observation good = new Scenario().observation();
    assertThatThrownBy(
            () ->
                new Observation(
                    good.round(),
                    good.settings(),
                    good.policy(),
                    null,
                    Optional.empty(),
                    good.seed(),
                    good.balance()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("now");
  }

  @Test
  void givesTheSamePlanForTheSameObservation() {
    RandomScenarios.draw(7, 2_000)
        .map(Scenario::observation)
        .forEach(
            observation ->
                assertThat(Decision.next(observation)).isEqualTo(Decision.next(observation)));
  }

  private static DesiredSettings desiredMinBet(BigInteger wei) {
    return new DesiredSettings(Optional.of(wei), Optional.empty(), Optional.empty());
  }

  private static DesiredSettings desiredDuration(Duration duration) {
    return new DesiredSettings(Optional.empty(), Optional.of(duration), Optional.empty());
  }

  private static DesiredSettings desiredMinParticipants(long count) {
    return new DesiredSettings(Optional.empty(), Optional.empty(), Optional.of(count));
  }

  private static DecisionTiming timing(Duration block, Duration drawLead, Duration extendWithin) {
    return new DecisionTiming(
        block,
        drawLead,
        extendWithin,
        Duration.ofMinutes(2),
        Duration.ofMinutes(10),
        Duration.ofMinutes(1));
  }
}
