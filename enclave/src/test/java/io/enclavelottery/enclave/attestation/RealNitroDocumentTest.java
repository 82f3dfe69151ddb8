package io.enclavelottery.enclave.attestation;

import static io.enclavelottery.enclave.attestation.NitroDocuments.BAD_SIGNATURE_AT;
import static io.enclavelottery.enclave.attestation.NitroDocuments.DEBUG_MODE_VALID_AT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The verifier on the two real Nitro documents, as they are and modified. */
class RealNitroDocumentTest {

  private static final String PCR3 =
      "671ca1e328f75015b2aeee60639cc5252bc835d8bb690444d1f8e2bf4260f73dc1b71e07a14a770c7d0becac6eb3b53f";
  private static final String NONCE = "0000000000000000000000000000000000000001";

  private final AttestationVerifier verifier = AttestationVerifier.nitro();
  private final AttestationPolicy debugAllowed = AttestationPolicy.defaults().allowingDebug();

  @Test
  void debugModeDocumentVerifiesAtItsOwnTimeWhenDebugIsAllowed() {
    AttestationVerification result =
        verifier.verify(NitroDocuments.debugModeValid(), debugAllowed, DEBUG_MODE_VALID_AT);

    assertThat(result.valid()).as(result.reason().orElse("")).isTrue();
    assertThat(result.reason()).isEmpty();
    assertThat(result.debugMode()).isTrue();
    assertThat(result.secure()).as("debug mode is never secure").isFalse();
    assertThat(result.moduleId()).isEqualTo("i-0bbf1bfe232b8c2ce-enc0191ba35c9d1b77a");
    assertThat(result.timestamp()).isEqualTo(DEBUG_MODE_VALID_AT);
    assertThat(result.nonce()).contains(NONCE);
    assertThat(result.publicKey()).contains(HexFormat.of().formatHex("dummy".getBytes()));
    assertThat(result.pcrs()).hasSize(16).containsEntry(0, "0".repeat(96)).containsEntry(3, PCR3);
  }

  @Test
  void debugModeDocumentIsRejectedWithoutAllowDebug() {
    AttestationVerification result =
        verifier.verify(
            NitroDocuments.debugModeValid(), AttestationPolicy.defaults(), DEBUG_MODE_VALID_AT);

    assertThat(result.valid()).isFalse();
    assertThat(result.debugMode()).isTrue();
    assertThat(result.reason()).get().asString().contains("debug mode");
  }

  @Test
  void debugModeDocumentIsRejectedTodayForItsExpiredChain() {
    AttestationVerification result =
        verifier.verify(NitroDocuments.debugModeValid(), debugAllowed, Instant.now());

    assertThat(result.valid()).isFalse();
    assertThat(result.reason())
        .get()
        .asString()
        .contains("certificate chain is not valid")
        .contains("expired at 2024-09-09T22:49:12Z");
  }

  @Test
  void badSignatureDocumentIsRejectedForItsSignature() {
    AttestationVerification result =
        verifier.verify(NitroDocuments.badSignature(), debugAllowed, BAD_SIGNATURE_AT);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason())
        .contains("the COSE signature does not verify with the leaf certificate's key");
  }

  @Test
  void changedPayloadByteBreaksTheSignature() {
    byte[] raw = raw(NitroDocuments.debugModeValid());
    int moduleId = indexOf(raw, "i-0bbf1bfe".getBytes(StandardCharsets.US_ASCII));
    raw[moduleId + 2] = '1';

    AttestationVerification result = verifier.verify(raw, debugAllowed, DEBUG_MODE_VALID_AT);

    assertThat(result.moduleId()).isEqualTo("i-1bbf1bfe232b8c2ce-enc0191ba35c9d1b77a");
    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).get().asString().contains("signature does not verify");
  }

  @Test
  void rawCborAndWrappedBase64ReadTheSame() {
    byte[] base64 = NitroDocuments.debugModeValid();
    byte[] raw = raw(base64);
    String wrapped =
        Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(raw)
                .replace("=", "")
            + "\n\n";

    for (byte[] form : new byte[][] {base64, raw, wrapped.getBytes(StandardCharsets.US_ASCII)}) {
      AttestationVerification result = verifier.verify(form, debugAllowed, DEBUG_MODE_VALID_AT);
      assertThat(result.valid()).isTrue();
    }
  }

  @Test
  void pinnedRootIsTheOneInTheDocument() {
    AttestationDocument document = AttestationDocument.parse(NitroDocuments.debugModeValid());

    assertThat(TrustedRoots.sha256(document.cabundle().get(0)))
        .isEqualTo(TrustedRoots.NITRO_ROOT_G1_SHA256);
    assertThat(document.cabundle()).hasSize(4);
    assertThat(document.digest()).isEqualTo("SHA384");
  }

  @Test
  void expectedNonceAndPcrsPass() {
    AttestationPolicy policy =
        debugAllowed
            .withNonce(HexFormat.of().parseHex(NONCE))
            .withPcr(3, HexFormat.of().parseHex(PCR3))
            .withMaxAge(Duration.ofMinutes(5));

    AttestationVerification result =
        verifier.verify(
            NitroDocuments.debugModeValid(), policy, DEBUG_MODE_VALID_AT.plusSeconds(60));

    assertThat(result.valid()).as(result.reason().orElse("")).isTrue();
  }

  @Test
  void wrongNonceIsRejected() {
    AttestationVerification result =
        verifier.verify(
            NitroDocuments.debugModeValid(),
            debugAllowed.withNonce(
                HexFormat.of().parseHex("0000000000000000000000000000000000000002")),
            DEBUG_MODE_VALID_AT);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason())
        .contains("the nonce is " + NONCE + ", expected 0000000000000000000000000000000000000002");
  }

  @Test
  void wrongPcrIsRejected() {
    AttestationVerification result =
        verifier.verify(
            NitroDocuments.debugModeValid(),
            debugAllowed.withPcr(0, HexFormat.of().parseHex("ab".repeat(48))),
            DEBUG_MODE_VALID_AT);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason())
        .contains("PCR0 is " + "0".repeat(96) + ", expected " + "ab".repeat(48));
  }

  @Test
  void tooOldIsRejected() {
    AttestationVerification result =
        verifier.verify(
            NitroDocuments.debugModeValid(),
            debugAllowed.withMaxAge(Duration.ofMinutes(5)),
            DEBUG_MODE_VALID_AT.plus(Duration.ofMinutes(10)));

    assertThat(result.valid()).isFalse();
    assertThat(result.reason())
        .get()
        .asString()
        .contains("the document is PT10M old")
        .contains("more than the maximum PT5M");
  }

  static byte[] raw(byte[] base64) {
    return Base64.getMimeDecoder().decode(base64);
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("not found");
  }
}
