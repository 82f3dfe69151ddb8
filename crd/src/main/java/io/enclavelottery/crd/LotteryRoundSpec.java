package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * What a LotteryRound asks for: which contract on which chain, who signs for its operator, and how
 * rounds are run. {@code rounds}, {@code gas} and {@code frontend} are optional; when absent they
 * read as their defaults.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LotteryRoundSpec(
    @Required @JsonPropertyDescription("The chain the contract lives on and how to reach it.")
        ChainSpec chain,
    @Required @JsonPropertyDescription("The lottery contract whose rounds are run.")
        ContractSpec contract,
    @Required
        @JsonPropertyDescription(
            "Who signs the operator's transactions: a key from a Secret (local) or an AWS Nitro"
                + " Enclave (enclave).")
        SignerSpec signer,
    @JsonPropertyDescription(
            "How rounds are run: the contract settings to keep (minBet, bettingDuration,"
                + " minParticipants) and the controller's policy (autoStart, paused,"
                + " extendWhenShort).")
        RoundsSpec rounds,
    @JsonPropertyDescription("How the operator's transactions are priced.") GasSpec gas,
    @JsonPropertyDescription(
            "The player-facing web frontend (UI and live feed) the controller runs for this"
                + " lottery.")
        FrontendSpec frontend) {

  public LotteryRoundSpec {
    rounds = rounds == null ? RoundsSpec.DEFAULTS : rounds;
    gas = gas == null ? GasSpec.DEFAULTS : gas;
    frontend = frontend == null ? FrontendSpec.DEFAULTS : frontend;
  }
}
