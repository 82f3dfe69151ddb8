package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a round ended. */
public enum RoundOutcome {
  /** A winner was drawn and paid. */
  @JsonProperty("Drawn")
  DRAWN,
  /** Every bet was refunded (too few players, no seed committed, or the draw window passed). */
  @JsonProperty("Refunded")
  REFUNDED
}
