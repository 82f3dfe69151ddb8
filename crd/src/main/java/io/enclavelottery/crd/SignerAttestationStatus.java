package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * What the enclave signer's last verified attestation showed, so that whoever reads the status can
 * compare the running image with a published build: its measurements and whether it is a real Nitro
 * enclave.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record SignerAttestationStatus(
    @JsonPropertyDescription("PCR0 the signer attested (hash of its enclave image file), hex.")
        String pcr0,
    @JsonPropertyDescription("PCR1 the signer attested (its kernel and boot ramdisk), hex.")
        String pcr1,
    @JsonPropertyDescription("PCR2 the signer attested (its application), hex.") String pcr2,
    @JsonPropertyDescription(
            "True when the document is signed under the AWS Nitro root and not in debug mode;"
                + " false for the software NSM, which the controller trusts only when started"
                + " with --trust-software-nsm (development, NOT SECURE).")
        Boolean secure) {}
