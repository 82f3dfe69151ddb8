package io.enclavelottery.enclave.attestation;

import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The verdict on one attestation document, with what it says, for callers to act on and show. Byte
 * fields are lower-case hex without a prefix.
 *
 * @param valid whether signature, chain and policy all pass
 * @param reason why not, when not valid
 * @param debugMode whether PCR0–2 are all zero (debug mode)
 * @param secure valid, under the pinned AWS Nitro root, and not in debug mode: what a production
 *     caller needs (false for the software NSM's documents, whatever else holds)
 * @param moduleId the module id
 * @param timestamp when the document was produced
 * @param pcrs every PCR, by index
 * @param userData the bound user data, when present
 * @param publicKey the bound public key, when present
 * @param nonce the bound nonce, when present
 * @param verifiedAt the instant the chain and age were checked at
 */
public record AttestationVerification(
    boolean valid,
    Optional<String> reason,
    boolean debugMode,
    boolean secure,
    String moduleId,
    Instant timestamp,
    SortedMap<Integer, String> pcrs,
    Optional<String> userData,
    Optional<String> publicKey,
    Optional<String> nonce,
    Instant verifiedAt) {

  static AttestationVerification of(
      AttestationDocument document, Optional<String> reason, boolean secure, Instant at) {
    return new AttestationVerification(
        reason.isEmpty(),
        reason,
        document.debugMode(),
        reason.isEmpty() && secure,
        document.moduleId(),
        document.timestamp(),
        document.pcrsHex(),
        document.userData().map(HexFormat.of()::formatHex),
        document.publicKey().map(HexFormat.of()::formatHex),
        document.nonce().map(HexFormat.of()::formatHex),
        at);
  }
}
