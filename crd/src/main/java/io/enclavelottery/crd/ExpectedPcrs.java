package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The enclave measurements (platform configuration registers, SHA-384) an attestation must show.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
@ValidationRule(
    value = "!self.pcr0.matches('^0+$')",
    fieldPath = ".pcr0",
    message =
        "expectedPcrs.pcr0 of all zeros is a debug-mode enclave, which is never trusted; give the"
            + " measurement nitro-cli describe-eif prints")
public record ExpectedPcrs(
    @Required
        @Pattern(SchemaPatterns.PCR)
        @Size(max = 96)
        @JsonPropertyDescription(
            "PCR0, the hash of the whole enclave image file: 96 hex digits. All zeros is a"
                + " debug-mode enclave, which the controller never trusts.")
        String pcr0,
    @Pattern(SchemaPatterns.PCR)
        @JsonPropertyDescription(
            "PCR1, the hash of the enclave's kernel and boot ramdisk: 96 hex digits. Optional;"
                + " checked when given.")
        String pcr1,
    @Pattern(SchemaPatterns.PCR)
        @JsonPropertyDescription(
            "PCR2, the hash of the enclave's application: 96 hex digits. Optional; checked when"
                + " given.")
        String pcr2) {}
