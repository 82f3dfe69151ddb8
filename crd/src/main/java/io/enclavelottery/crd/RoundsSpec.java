package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * How rounds are run: contract settings the controller keeps as written (each absent one is left as
 * the contract has it) and the controller's own policy. A setting that differs from the contract's
 * while a round runs is held and applied when the contract is next WAITING.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = RoundsSpec.MIN_BET_RANGE_RULE,
    fieldPath = ".minBet",
    message =
        "rounds.minBet must be between 0.000000001 (1 gwei) and 100 ether, the contract's bounds")
public record RoundsSpec(
    @Min(10)
        @Max(2_592_000)
        @JsonPropertyDescription(
            "How long betting runs, in seconds, from a round's first bet (or start): 10 to"
                + " 2592000 (30 days), the contract's bounds. Absent: the contract's current"
                + " value is kept.")
        Integer bettingDuration,
    @Pattern(SchemaPatterns.ETHER)
        @Size(max = 24)
        @JsonPropertyDescription(
            "The smallest bet accepted, in ether, written as a decimal string with at most 18"
                + " decimals: \"0.01\" is 0.01 ETH (10^16 wei). 0.000000001 (1 gwei) to 100, the"
                + " contract's bounds. A string, not a number, so no precision is lost. Absent:"
                + " the contract's current value is kept.")
        String minBet,
    @Min(2)
        @Max(1000)
        @JsonPropertyDescription(
            "Distinct players a round needs to be drawn: 2 to 1000. With fewer when the draw"
                + " window opens, the draw refunds every bet instead. The seed is committed only"
                + " once a round has this many players, so a lone dust bet costs nothing."
                + " Absent: the contract's current value is kept.")
        Integer minParticipants,
    @Default("true")
        @JsonPropertyDescription(
            "Open a new round as soon as the contract is WAITING. false: a round opens only with"
                + " a player's first bet.")
        Boolean autoStart,
    @Default("false")
        @JsonPropertyDescription(
            "Pause the lottery through the contract: the running round still finishes (drawn or"
                + " refunded), then no new round opens and bets that would open one are refused."
                + " Set back to false to resume.")
        Boolean paused,
    @Default("false")
        @JsonPropertyDescription(
            "When a round is about to close with fewer than minParticipants players, extend its"
                + " betting (within the contract's cap on total extension) instead of letting it"
                + " end in a refund.")
        Boolean extendWhenShort) {

  /**
   * {@code minBet}, a string that matches {@link SchemaPatterns#ETHER}, is at most 100 (an integer
   * part below 100, or 100 with only zeros after the point) and at least 0.000000001 (not zero to
   * nine decimals, and not nine zeros after the point).
   */
  static final String MIN_BET_RANGE_RULE =
      "!has(self.minBet) || ((self.minBet.matches(r'^[0-9]{1,2}(\\.|$)')"
          + " || self.minBet.matches(r'^100(\\.0+)?$'))"
          + " && !self.minBet.matches(r'^0(\\.0{1,9})?$')"
          + " && !self.minBet.startsWith('0.000000000'))";

  /** The policy of a spec that gives none: auto-start, not paused, no extensions. */
  public static final RoundsSpec DEFAULTS = new RoundsSpec(null, null, null, null, null, null);

  public RoundsSpec {
    autoStart = autoStart == null ? Boolean.TRUE : autoStart;
    paused = paused == null ? Boolean.FALSE : paused;
    extendWhenShort = extendWhenShort == null ? Boolean.FALSE : extendWhenShort;
  }
}
