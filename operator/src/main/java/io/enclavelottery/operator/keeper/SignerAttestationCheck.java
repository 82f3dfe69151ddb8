package io.enclavelottery.operator.keeper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.enclave.attestation.AttestationDocument;
import io.enclavelottery.enclave.attestation.AttestationPolicy;
import io.enclavelottery.enclave.attestation.AttestationVerification;
import io.enclavelottery.enclave.attestation.AttestationVerifier;
import io.enclavelottery.enclave.attestation.MalformedAttestationException;
import io.enclavelottery.enclave.attestation.TrustedRoots;
import io.enclavelottery.enclave.client.AttestationClient;
import io.enclavelottery.enclave.client.SignerCallFailed;
import io.enclavelottery.enclave.nsm.SoftwareNsm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.SortedMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether the enclave signer may be used: asks for a fresh attestation document bound to a
 * nonce of the keeper's own, verifies its signature, its certificate chain (to the AWS Nitro root;
 * to the software NSM's own root only when development mode trusts it), the expected PCRs, the
 * nonce and its age, and checks that its {@code user_data} names the configured chain and contract
 * and, as operator, the contract's operator on chain.
 */
final class SignerAttestationCheck {

  private static final Logger LOG = LoggerFactory.getLogger(SignerAttestationCheck.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A document older than this (by the keeper's clock) is refused. */
  static final Duration MAX_AGE = Duration.ofMinutes(5);

  /** The verdict on one attestation. */
  sealed interface Verdict {

    /**
     * The signer may be used.
     *
     * @param operator the operator address it signs for (lower case)
     * @param injectionKey the key-injection public key it attested (hex DER): new at each start of
     *     the signer, so a different one means it restarted
     * @param pcrs its PCRs as hex, by index
     * @param secure under the AWS Nitro root and not in debug mode
     */
    record Attested(
        String operator, String injectionKey, SortedMap<Integer, String> pcrs, boolean secure)
        implements Verdict {}

    /** The signer must not be used, and why. */
    record Refused(String reason) implements Verdict {}
  }

  private final OperatorSigning.Enclave config;
  private final long chainId;
  private final String contract;
  private final Supplier<String> contractOperator;
  private final AttestationClient client;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  /**
   * @param config the expected PCRs and whether the software NSM is trusted
   * @param chainId the chain the keeper keeps the contract on
   * @param contract the contract's address
   * @param contractOperator reads the contract's operator from the chain
   * @param client the signer's attestation port
   * @param clock the keeper's clock, for the certificates and the document's age
   */
  SignerAttestationCheck(
      OperatorSigning.Enclave config,
      long chainId,
      String contract,
      Supplier<String> contractOperator,
      AttestationClient client,
      Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.chainId = chainId;
    this.contract = Objects.requireNonNull(contract, "contract").toLowerCase(Locale.ROOT);
    this.contractOperator = Objects.requireNonNull(contractOperator, "contractOperator");
    this.client = Objects.requireNonNull(client, "client");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (config.expectedPcrs().isEmpty() && !config.trustSoftwareNsm()) {
      LOG.warn(
          "no expected PCRs are configured: any enclave image under the AWS Nitro root is accepted");
    }
  }

  /** Fetches a fresh document and decides. */
  Verdict check() {
    byte[] nonce = new byte[32];
    random.nextBytes(nonce);
    AttestationDocument document;
    try {
      document = AttestationDocument.parse(client.fetch(nonce));
    } catch (SignerCallFailed e) {
      return new Verdict.Refused("no attestation document from the signer: " + e.getMessage());
    } catch (MalformedAttestationException e) {
      return new Verdict.Refused(
          "the signer's attestation port answered something that is not a document: "
              + e.getMessage());
    }
    TrustedRoots roots = TrustedRoots.nitro();
    if (document.moduleId().startsWith(SoftwareNsm.MODULE_ID_PREFIX)) {
      if (!config.trustSoftwareNsm()) {
        return new Verdict.Refused(
            "the signer runs on the software NSM ("
                + document.moduleId()
                + "), which is trusted only in development mode");
      }
      LOG.warn("NOT SECURE: trusting the software NSM's document of {}", document.moduleId());
      roots = roots.and(document.cabundle().get(0));
    }
    AttestationPolicy policy =
        AttestationPolicy.defaults()
            .withPcrs(config.expectedPcrBytes())
            .withNonce(nonce)
            .withMaxAge(MAX_AGE);
    AttestationVerification verification =
        new AttestationVerifier(roots).verify(document, policy, clock.instant());
    if (!verification.valid()) {
      return new Verdict.Refused(
          "the signer's attestation does not verify: " + verification.reason().orElse("?"));
    }
    return bindings(document, verification);
  }

  /** Checks what the document binds: chain, contract and the contract's operator. */
  private Verdict bindings(AttestationDocument document, AttestationVerification verification) {
    if (document.userData().isEmpty() || document.publicKey().isEmpty()) {
      return new Verdict.Refused("the signer's attestation lacks user_data or public_key");
    }
    JsonNode userData;
    try {
      userData = JSON.readTree(new String(document.userData().get(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return new Verdict.Refused("the signer's attestation user_data is not JSON");
    }
    String operator = userData.path("operator").asText("").toLowerCase(Locale.ROOT);
    long attestedChain = userData.path("chainId").asLong(-1);
    String attestedContract = userData.path("contract").asText("").toLowerCase(Locale.ROOT);
    if (attestedChain != chainId) {
      return new Verdict.Refused(
          "the signer is attested for chain " + attestedChain + ", not " + chainId);
    }
    if (!attestedContract.equals(contract)) {
      return new Verdict.Refused(
          "the signer is attested for contract " + attestedContract + ", not " + contract);
    }
    String onChain;
    try {
      onChain = contractOperator.get().toLowerCase(Locale.ROOT);
    } catch (RuntimeException e) {
      return new Verdict.Refused("cannot read the contract's operator: " + e.getMessage());
    }
    if (!operator.equals(onChain)) {
      return new Verdict.Refused(
          "the signer signs for "
              + operator
              + " but the contract's operator is "
              + onChain
              + " (the publisher proposes the signer's address with proposeOperator)");
    }
    return new Verdict.Attested(
        operator,
        HexFormat.of().formatHex(document.publicKey().get()),
        verification.pcrs(),
        verification.secure());
  }
}
