package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Settings from the spec that differ from the contract's and wait, because the contract changes
 * settings only while WAITING; each absent field is in sync.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PendingSettings(
    @JsonPropertyDescription("rounds.minBet (ether) to apply when the round ends.") String minBet,
    @JsonPropertyDescription("rounds.bettingDuration (seconds) to apply when the round ends.")
        Integer bettingDuration,
    @JsonPropertyDescription("rounds.minParticipants to apply when the round ends.")
        Integer minParticipants) {}
