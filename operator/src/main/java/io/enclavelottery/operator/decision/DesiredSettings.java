package io.enclavelottery.operator.decision;

import io.enclavelottery.chain.contract.LotterySettings;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The settings the policy wants on chain; an absent value leaves the chain's as it is. Values
 * outside the contract's ranges are rejected here, so a plan never carries one.
 *
 * @param minBetAmount the smallest bet in wei, within [1 gwei, 100 ether]
 * @param bettingDuration how long betting runs, whole seconds within [10 s, 30 days]
 * @param minParticipants the fewest distinct players a draw needs, within [2, 1000]
 */
public record DesiredSettings(
    Optional<BigInteger> minBetAmount,
    Optional<Duration> bettingDuration,
    Optional<Long> minParticipants) {

  public DesiredSettings {
    Objects.requireNonNull(minBetAmount, "minBetAmount");
    Objects.requireNonNull(bettingDuration, "bettingDuration");
    Objects.requireNonNull(minParticipants, "minParticipants");
    minBetAmount.ifPresent(Setting.MinBetAmount::new);
    bettingDuration.ifPresent(Setting.BettingDuration::new);
    minParticipants.ifPresent(Setting.MinParticipants::new);
  }

  /** Leave every setting as the chain has it. */
  public static DesiredSettings keepOnChain() {
    return new DesiredSettings(Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The settings that differ from the chain's, in the fixed order in which they are applied:
   * minBetAmount, bettingDuration, minParticipants.
   */
  public List<SettingChange> differencesFrom(LotterySettings chain) {
    List<SettingChange> changes = new ArrayList<>(3);
    minBetAmount
        .filter(wei -> wei.compareTo(chain.minBetAmount()) != 0)
        .ifPresent(
            wei ->
                changes.add(
                    new SettingChange(
                        new Setting.MinBetAmount(chain.minBetAmount()),
                        new Setting.MinBetAmount(wei))));
    bettingDuration
        .filter(duration -> !duration.equals(chain.bettingDuration()))
        .ifPresent(
            duration ->
                changes.add(
                    new SettingChange(
                        new Setting.BettingDuration(chain.bettingDuration()),
                        new Setting.BettingDuration(duration))));
    minParticipants
        .filter(count -> count != chain.minParticipants())
        .ifPresent(
            count ->
                changes.add(
                    new SettingChange(
                        new Setting.MinParticipants(chain.minParticipants()),
                        new Setting.MinParticipants(count))));
    return List.copyOf(changes);
  }
}
