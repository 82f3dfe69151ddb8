package io.enclavelottery.enclave.attestation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.enclavelottery.enclave.nsm.SoftwareNsm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verifier on documents from the software NSM: trusted only when its root is given. */
class SoftwareNsmDocumentTest {

  private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
  private static final byte[] USER_DATA =
      "{\"v\":1,\"operator\":\"0x70997970c51812dc3a010c7d01b50e0d17dc79c8\",\"chainId\":31337}"
          .getBytes(StandardCharsets.UTF_8);
  private static final byte[] NONCE = HexFormat.of().parseHex("00112233445566778899");
  private static final byte[] PUBLIC_KEY = "key-injection-public-key".getBytes();

  private final SoftwareNsm nsm =
      new SoftwareNsm(Clock.fixed(NOW, ZoneOffset.UTC), SoftwareNsm.defaultPcrs());
  private final AttestationVerifier trusting =
      new AttestationVerifier(TrustedRoots.nitro().and(nsm.testRoot()));
  private final byte[] document = nsm.attestation(USER_DATA, NONCE, PUBLIC_KEY);

  @Test
  void validWhenItsTestRootIsTrustedButNeverSecure() {
    AttestationVerification result =
        trusting.verify(
            document,
            AttestationPolicy.defaults()
                .withNonce(NONCE)
                .withPcrs(SoftwareNsm.defaultPcrs())
                .withMaxAge(Duration.ofMinutes(5)),
            NOW.plusSeconds(30));

    assertThat(result.valid()).as(result.reason().orElse("")).isTrue();
    assertThat(result.secure()).isFalse();
    assertThat(result.debugMode()).isFalse();
    assertThat(result.moduleId()).startsWith("software-nsm-").isEqualTo(nsm.moduleId());
    assertThat(result.timestamp()).isEqualTo(NOW);
    assertThat(result.userData()).contains(HexFormat.of().formatHex(USER_DATA));
    assertThat(result.nonce()).contains(HexFormat.of().formatHex(NONCE));
    assertThat(result.publicKey()).contains(HexFormat.of().formatHex(PUBLIC_KEY));
    assertThat(result.pcrs()).hasSize(16);
  }

  @Test
  void taggedCoseSign1IsReadToo() {
    byte[] tagged = new byte[document.length + 1];
    tagged[0] = (byte) 0xD2; // CBOR tag 18, COSE_Sign1
    System.arraycopy(document, 0, tagged, 1, document.length);

    assertThat(trusting.verify(tagged, AttestationPolicy.defaults(), NOW).valid()).isTrue();
  }

  @Test
  void rejectedByDefault() {
    AttestationVerification result =
        AttestationVerifier.nitro().verify(document, AttestationPolicy.defaults(), NOW);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason())
        .get()
        .asString()
        .startsWith("the certificate chain ends at an untrusted root")
        .contains("O=NOT SECURE");
  }

  @Test
  void rejectedUnderAnotherSoftwareRoot() {
    SoftwareNsm other = new SoftwareNsm(Clock.fixed(NOW, ZoneOffset.UTC), Map.of());
    AttestationVerifier trustingOther =
        new AttestationVerifier(TrustedRoots.nitro().and(other.testRoot()));

    AttestationVerification result =
        trustingOther.verify(document, AttestationPolicy.defaults(), NOW);

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).get().asString().contains("untrusted root");
  }

  @Test
  void rejectedOnceItsChainHasExpired() {
    AttestationVerification result =
        trusting.verify(document, AttestationPolicy.defaults(), NOW.plus(Duration.ofDays(400)));

    assertThat(result.valid()).isFalse();
    assertThat(result.reason())
        .get()
        .asString()
        .contains("certificate chain is not valid at 2027-04-05T12:00:00Z")
        .contains("expired at");
  }

  @Test
  void rejectedBeforeItsChainIsValid() {
    AttestationVerification result =
        trusting.verify(document, AttestationPolicy.defaults(), NOW.minus(Duration.ofDays(1)));

    assertThat(result.valid()).isFalse();
    assertThat(result.reason()).get().asString().contains("is valid only from");
  }

  @Test
  void changedPayloadByteBreaksTheSignature() {
    CoseSign1 cose = CoseSign1.decode(document);
    byte[] payload = cose.payload().clone();
    payload[payload.length - 1] ^= 1; // last byte of the nonce
    byte[] changed = new CoseSign1(cose.protectedHeader(), payload, cose.signature()).encoded();

    AttestationVerification result = trusting.verify(changed, AttestationPolicy.defaults(), NOW);

    assertThat(result.valid()).isFalse();
    assertThat(result.nonce()).contains("00112233445566778898");
    assertThat(result.reason())
        .contains("the COSE signature does not verify with the leaf certificate's key");
  }

  @Test
  void anotherAlgorithmInTheProtectedHeaderIsRejected() throws Exception {
    CoseSign1 cose = CoseSign1.decode(document);
    ObjectNode header = new CBORMapper().createObjectNode().put("1", -7);
    byte[] es256Header = new CBORMapper().writeValueAsBytes(header);
    byte[] changed = new CoseSign1(es256Header, cose.payload(), cose.signature()).encoded();

    AttestationVerification result = trusting.verify(changed, AttestationPolicy.defaults(), NOW);

    assertThat(result.reason())
        .contains("the signature algorithm is COSE -7, not ES384 (COSE -35)");
  }

  @Test
  void wrongNonceMissingNonceAndWrongPcrAreRejected() {
    byte[] withoutNonce = nsm.attestation(USER_DATA, null, PUBLIC_KEY);

    assertThat(
            trusting
                .verify(document, AttestationPolicy.defaults().withNonce(new byte[] {1}), NOW)
                .reason())
        .contains("the nonce is 00112233445566778899, expected 01");
    assertThat(
            trusting
                .verify(withoutNonce, AttestationPolicy.defaults().withNonce(NONCE), NOW)
                .reason())
        .contains("the document carries no nonce, expected 00112233445566778899");
    assertThat(
            trusting
                .verify(document, AttestationPolicy.defaults().withPcr(2, new byte[48]), NOW)
                .reason())
        .get()
        .asString()
        .startsWith("PCR2 is ")
        .endsWith(", expected " + "0".repeat(96));
    assertThat(
            trusting
                .verify(document, AttestationPolicy.defaults().withPcr(20, new byte[48]), NOW)
                .reason())
        .contains("the document has no PCR20");
  }

  @Test
  void tooOldAndFromTheFutureAreRejected() {
    AttestationPolicy fiveMinutes = AttestationPolicy.defaults().withMaxAge(Duration.ofMinutes(5));

    assertThat(trusting.verify(document, fiveMinutes, NOW.plus(Duration.ofMinutes(6))).reason())
        .get()
        .asString()
        .contains("the document is PT6M old");
    assertThat(trusting.verify(document, fiveMinutes, NOW.minus(Duration.ofMinutes(2))).reason())
        .get()
        .asString()
        .contains("after the verification time");
    assertThat(trusting.verify(document, fiveMinutes, NOW.minusSeconds(30)).valid()).isTrue();
  }

  @Test
  void allZeroMeasurementsAreDebugMode() {
    SoftwareNsm debug = new SoftwareNsm(Clock.fixed(NOW, ZoneOffset.UTC), Map.of());
    AttestationVerifier verifier =
        new AttestationVerifier(TrustedRoots.nitro().and(debug.testRoot()));
    byte[] debugDocument = debug.attestation(null, null, null);

    AttestationVerification rejected =
        verifier.verify(debugDocument, AttestationPolicy.defaults(), NOW);
    AttestationVerification allowed =
        verifier.verify(debugDocument, AttestationPolicy.defaults().allowingDebug(), NOW);

    assertThat(rejected.valid()).isFalse();
    assertThat(rejected.debugMode()).isTrue();
    assertThat(rejected.reason()).get().asString().contains("debug mode");
    assertThat(allowed.valid()).isTrue();
    assertThat(allowed.secure()).isFalse();
    assertThat(allowed.userData()).isEmpty();
  }
}
