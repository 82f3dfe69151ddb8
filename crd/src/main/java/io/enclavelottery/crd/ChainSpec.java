package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The chain a lottery contract lives on and the node the controller talks to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "self.chainId == oldSelf.chainId",
    fieldPath = ".chainId",
    message = "chain.chainId cannot change; create a new LotteryRound for another chain")
public record ChainSpec(
    @Required
        @Pattern(SchemaPatterns.RPC_URL)
        @Size(max = 2048)
        @JsonPropertyDescription(
            "JSON-RPC endpoint of an Ethereum node: http(s):// or ws(s)://. A WebSocket endpoint"
                + " lets the controller follow new blocks as they come; over plain HTTP it polls."
                + " Anyone who can read this resource sees the URL, so do not put a secret API key"
                + " in it.")
        String rpcUrl,
    @Required
        @Min(1)
        @JsonPropertyDescription(
            "The chain id the node must report (eth_chainId), e.g. 1 for Ethereum mainnet, 31337"
                + " for a local Anvil. The controller sends nothing to a node on another chain."
                + " Cannot change once set.")
        Long chainId,
    @Default("2")
        @Min(0)
        @Max(256)
        @JsonPropertyDescription(
            "Blocks that must be built on top of a block before the frontend reports its events"
                + " as final. The controller itself acts on the latest block and re-reads the"
                + " contract before every transaction.")
        Integer confirmations) {

  /** {@link #confirmations} when the spec does not say. */
  public static final int DEFAULT_CONFIRMATIONS = 2;

  public ChainSpec {
    confirmations = confirmations == null ? DEFAULT_CONFIRMATIONS : confirmations;
  }
}
