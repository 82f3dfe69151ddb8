package io.enclavelottery.operator.decision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The decision's answer: what to do now, why, and when to look again.
 *
 * @param action the call to send now, or {@link Action.None}
 * @param reason why, in a sentence a person understands (for logs, status and Events; never holds a
 *     seed)
 * @param recheckAt when to decide again if no event comes first: always after {@code now}, at most
 *     {@link DecisionTiming#recheckInterval()} ahead; for an action, one block later (when its
 *     transaction should have landed)
 * @param pendingSettings the policy's settings that still differ from the chain after this action
 *     (held while a round runs), for status
 */
public record Plan(
    Action action, String reason, Instant recheckAt, List<SettingChange> pendingSettings) {

  public Plan {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(recheckAt, "recheckAt");
    pendingSettings = List.copyOf(pendingSettings);
  }

  /** Whether the plan sends nothing. */
  public boolean idle() {
    return action instanceof Action.None;
  }

  /** The pending settings in words, e.g. {@code "minParticipants 2 -> 3"}; empty when none. */
  public String describePendingSettings() {
    return pendingSettings.stream().map(SettingChange::describe).collect(Collectors.joining(", "));
  }
}
