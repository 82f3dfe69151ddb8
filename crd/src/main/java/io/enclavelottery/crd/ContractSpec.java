package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The deployed lottery contract. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "self.address.lowerAscii() == oldSelf.address.lowerAscii()",
    fieldPath = ".address",
    message = "contract.address cannot change; create a new LotteryRound for another contract")
public record ContractSpec(
    @Required
        @Pattern(SchemaPatterns.ADDRESS)
        @Size(max = 42)
        @JsonPropertyDescription(
            "Address of the deployed Lottery contract: 0x and 40 hex digits (any case). The"
                + " signer's address must be the contract's operator. Cannot change once set (the"
                + " status describes this contract's rounds); its letter case may. Quote it in YAML"
                + " (\"0x...\"), or YAML reads it as a number.")
        String address) {}
