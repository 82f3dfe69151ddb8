package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** How the operator's transactions are priced (EIP-1559). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record GasSpec(
    @Default("1.2")
        @Min(1)
        @Max(10)
        @JsonPropertyDescription(
            "Each transaction's gas limit is the node's estimate times this, rounded up: 1 to"
                + " 10 (the standalone mode's BLOCKCHAIN_GAS_MULTIPLIER).")
        Double multiplier,
    @Min(value = 0, inclusive = false)
        @JsonPropertyDescription(
            "The most the operator pays per gas, base fee and tip together, in gwei (decimals"
                + " allowed). Fees are lowered to it, so while the base fee is above it a"
                + " transaction waits unmined. Absent: no cap (the standalone mode's"
                + " BLOCKCHAIN_GAS_PRICE).")
        Double maxFeePerGasGwei) {

  /** {@link #multiplier} when the spec does not say. */
  public static final double DEFAULT_MULTIPLIER = 1.2;

  /** Pricing of a spec that gives none: gas ×1.2, no fee cap. */
  public static final GasSpec DEFAULTS = new GasSpec(null, null);

  public GasSpec {
    multiplier = multiplier == null ? DEFAULT_MULTIPLIER : multiplier;
  }
}
