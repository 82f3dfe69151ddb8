package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Whether a condition holds, as Kubernetes writes it. */
public enum ConditionStatus {
  /** It holds. */
  @JsonProperty("True")
  TRUE,
  /** It does not hold; the reason and message say why. */
  @JsonProperty("False")
  FALSE,
  /** The controller could not tell (for example, the node did not answer). */
  @JsonProperty("Unknown")
  UNKNOWN
}
