package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One condition of a LotteryRound, shaped like Kubernetes' own {@code metav1.Condition}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LotteryCondition(
    @Required @JsonPropertyDescription("Which condition this is.") ConditionType type,
    @Required @JsonPropertyDescription("True, False or Unknown.") ConditionStatus status,
    @JsonPropertyDescription(
            "Why, as one CamelCase word a program can match, e.g. ChainIdMismatch.")
        String reason,
    @JsonPropertyDescription("Why, in words a person understands.") String message,
    @JsonPropertyDescription("When status last changed (RFC 3339, UTC).") String lastTransitionTime,
    @JsonPropertyDescription("The metadata.generation of the spec this condition was set for.")
        Long observedGeneration) {}
