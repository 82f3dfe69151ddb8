package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How one round ended. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record RoundResult(
    @JsonPropertyDescription("The round's number.") Long roundId,
    @JsonPropertyDescription("Drawn or Refunded.") RoundOutcome outcome,
    @JsonPropertyDescription("The winner's address. Absent when refunded.") String winner,
    @JsonPropertyDescription(
            "What the winner received, in ether (the pot less the publisher's commission)."
                + " Absent when refunded.")
        String prize,
    @JsonPropertyDescription("The round's pot, in ether.") String pot,
    @JsonPropertyDescription(
            "Why the round was refunded, in words, e.g. \"2 players, 3 needed\". Absent when"
                + " drawn.")
        String reason,
    @JsonPropertyDescription("When the round ended: the block time (RFC 3339, UTC).") String at,
    @JsonPropertyDescription("The transaction that ended the round.") String transactionHash) {}
