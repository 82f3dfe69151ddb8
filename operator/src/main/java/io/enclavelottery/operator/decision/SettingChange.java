package io.enclavelottery.operator.decision;

import java.util.Objects;

/**
 * A setting whose value on chain differs from the policy's.
 *
 * @param onChain the value the contract holds
 * @param desired the value the policy asks for (same kind of setting)
 */
public record SettingChange(Setting onChain, Setting desired) {

  public SettingChange {
    Objects.requireNonNull(onChain, "onChain");
    Objects.requireNonNull(desired, "desired");
    if (onChain.getClass() != desired.getClass()) {
      throw new IllegalArgumentException(
          "a change relates two values of one setting, not "
              + onChain.name()
              + " and "
              + desired.name());
    }
  }

  /** For status: {@code "minBetAmount 0.001 ETH -> 0.002 ETH"}. */
  public String describe() {
    return desired.name() + " " + onChain.describeValue() + " -> " + desired.describeValue();
  }
}
