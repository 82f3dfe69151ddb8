package io.enclavelottery.enclave.attestation;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Nitro attestation document, parsed but not yet verified: the fields of its payload, typed, and
 * the COSE_Sign1 envelope they came in, so a verifier can check the signature over the exact bytes.
 *
 * @param cose the envelope as received
 * @param moduleId the enclave's module id ({@code i-…-enc…}, or {@code software-nsm-…})
 * @param digest the PCR digest algorithm, {@code SHA384}
 * @param timestamp when the module produced the document
 * @param pcrs the platform configuration registers by index
 * @param certificate the leaf certificate whose key signed the document
 * @param cabundle the issuing chain, root first ({@code cabundle[0]} is the root)
 * @param publicKey the caller-chosen public key, when one was bound
 * @param userData the caller-chosen user data, when bound
 * @param nonce the caller-chosen nonce, when bound
 */
public record AttestationDocument(
    CoseSign1 cose,
    String moduleId,
    String digest,
    Instant timestamp,
    SortedMap<Integer, byte[]> pcrs,
    X509Certificate certificate,
    List<X509Certificate> cabundle,
    Optional<byte[]> publicKey,
    Optional<byte[]> userData,
    Optional<byte[]> nonce) {

  /** PCR0–2 (image, kernel, application): all zero when the enclave runs in debug mode. */
  private static final List<Integer> MEASUREMENT_PCRS = List.of(0, 1, 2);

  public AttestationDocument {
    pcrs = new TreeMap<>(pcrs);
    cabundle = List.copyOf(cabundle);
  }

  /**
   * Parses a document given as raw COSE_Sign1 bytes or as base64 text of them (whitespace, line
   * breaks and missing padding tolerated).
   *
   * @throws MalformedAttestationException when the bytes are not an attestation document
   */
  public static AttestationDocument parse(byte[] rawOrBase64) {
    return AttestationParser.parse(rawOrBase64);
  }

  /**
   * Whether PCR0, PCR1 and PCR2 are all zero: the enclave was started in debug mode, where the host
   * can read its memory, so nothing it holds is secret.
   */
  public boolean debugMode() {
    return MEASUREMENT_PCRS.stream()
        .allMatch(
            index ->
                pcrs.containsKey(index)
                    && Arrays.equals(pcrs.get(index), new byte[pcrs.get(index).length]));
  }

  /** The PCRs as lower-case hex, by index. */
  public SortedMap<Integer, String> pcrsHex() {
    SortedMap<Integer, String> hex = new TreeMap<>();
    pcrs.forEach((index, value) -> hex.put(index, HexFormat.of().formatHex(value)));
    return hex;
  }
}
