package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A transaction the controller sent that is not mined yet. A restarted controller finds it here and
 * waits for it rather than sending the same action twice.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record PendingTransaction(
    @JsonPropertyDescription("The transaction hash.") String hash,
    @JsonPropertyDescription(
            "The contract function it calls, e.g. commitSeed, drawWinner, startRound.")
        String action,
    @JsonPropertyDescription("The operator account's nonce it uses.") Long nonce,
    @JsonPropertyDescription("When it was sent (RFC 3339, UTC).") String sentAt) {}
