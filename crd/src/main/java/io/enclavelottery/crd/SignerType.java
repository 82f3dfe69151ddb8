package io.enclavelottery.crd;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where the operator's key lives and who signs with it. */
public enum SignerType {
  /**
   * The controller signs with a key it reads from a Secret; draw seeds are derived from that key,
   * so whoever holds it can know them (the operator is trusted).
   */
  @JsonProperty("local")
  LOCAL,
  /**
   * A signer in an AWS Nitro Enclave holds the key and generates the seeds inside; the controller
   * trusts it only after checking its attestation against the expected measurements.
   */
  @JsonProperty("enclave")
  ENCLAVE
}
