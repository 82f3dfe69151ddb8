package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * The contract's current round (or, while WAITING, the last one). Times are RFC 3339 strings of the
 * chain's block time in UTC, so they stay right without a status write every second.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoundStatus(
    @JsonPropertyDescription("The round's number, from 1.") Long id,
    @JsonPropertyDescription("The round's state on the contract.") RoundState state,
    @JsonPropertyDescription("When betting opened (RFC 3339, UTC).") String startTime,
    @JsonPropertyDescription("When betting closes (RFC 3339, UTC); moves when betting is extended.")
        String endTime,
    @JsonPropertyDescription("When the draw window opens (RFC 3339, UTC).") String minDrawTime,
    @JsonPropertyDescription(
            "When the draw window closes (RFC 3339, UTC); after it anyone may refund the round.")
        String maxDrawTime,
    @JsonPropertyDescription("The sum of the round's bets, in ether (a decimal string).")
        String pot,
    @JsonPropertyDescription("Distinct players in the round.") Long participants,
    @JsonPropertyDescription("Whether the operator has committed the draw seed for this round.")
        Boolean seedCommitted) {}
