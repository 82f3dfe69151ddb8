package io.enclavelottery.enclave.nsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.enclavelottery.enclave.attestation.CoseSign1;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SoftwareNsmTest {

  private final SoftwareNsm nsm = new SoftwareNsm();

  @Test
  void isNotSecureAndSaysSoInItsNames() {
    assertThat(nsm.secure()).isFalse();
    assertThat(nsm.moduleId()).matches("software-nsm-[0-9a-f]{16}");
    assertThat(nsm.testRoot().getSubjectX500Principal().getName())
        .isEqualTo("CN=Enclave Lottery software NSM test root,O=NOT SECURE");
    assertThat(new SoftwareNsm().testRoot()).as("a root per instance").isNotEqualTo(nsm.testRoot());
  }

  @Test
  void writesTheNitroFormat() throws Exception {
    byte[] document = nsm.attestation(new byte[] {7}, null, null);

    assertThat(document[0] & 0xFF).as("untagged array of 4").isEqualTo(0x84);
    CoseSign1 cose = CoseSign1.decode(document);
    assertThat(HexFormat.of().formatHex(cose.protectedHeader())).isEqualTo("a1013822");
    assertThat(cose.signature()).hasSize(96);
    JsonNode payload = new CBORMapper().readTree(cose.payload());
    assertThat(payload.fieldNames())
        .toIterable()
        .containsExactly(
            "module_id",
            "digest",
            "timestamp",
            "pcrs",
            "certificate",
            "cabundle",
            "public_key",
            "user_data",
            "nonce");
    assertThat(payload.get("digest").asText()).isEqualTo("SHA384");
    assertThat(payload.get("pcrs").size()).isEqualTo(16);
    assertThat(payload.get("cabundle").get(0).binaryValue()).isEqualTo(nsm.testRoot().getEncoded());
    assertThat(payload.get("user_data").binaryValue()).containsExactly(7);
    assertThat(payload.get("nonce").isNull()).isTrue();
    assertThat(payload.get("public_key").isNull()).isTrue();
  }

  @Test
  void defaultPcrsAreDistinctAndNonZero() {
    List<String> pcrs =
        SoftwareNsm.defaultPcrs().values().stream().map(HexFormat.of()::formatHex).toList();

    assertThat(pcrs).hasSize(3).doesNotHaveDuplicates().noneMatch(pcr -> pcr.matches("0+"));
  }

  @Test
  void testRootPemReadsBackAsTheRoot() throws Exception {
    Object read =
        CertificateFactory.getInstance("X.509")
            .generateCertificate(
                new ByteArrayInputStream(nsm.testRootPem().getBytes(StandardCharsets.US_ASCII)));

    assertThat(read).isEqualTo(nsm.testRoot());
  }

  @Test
  void randomIsFreshEveryTime() {
    assertThat(nsm.random(32)).hasSize(32).isNotEqualTo(nsm.random(32));
    assertThat(nsm.random(0)).isEmpty();
    assertThatThrownBy(() -> nsm.random(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cannot produce -1 random bytes");
  }

  @Test
  void oversizedFieldsAreRefused() {
    assertThatThrownBy(() -> nsm.attestation(new byte[513], null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the attestation user data has 513 bytes, more than 512");
    assertThatThrownBy(() -> nsm.attestation(null, new byte[513], null))
        .hasMessage("the attestation nonce has 513 bytes, more than 512");
    assertThatThrownBy(() -> nsm.attestation(null, null, new byte[1025]))
        .hasMessage("the attestation public key has 1025 bytes, more than 1024");
  }

  @Test
  void badPcrsAreRefused() {
    Clock clock = Clock.systemUTC();

    assertThatThrownBy(() -> new SoftwareNsm(clock, Map.of(16, new byte[48])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PCR index 16 is not 0 to 15");
    assertThatThrownBy(() -> new SoftwareNsm(clock, Map.of(0, new byte[32])))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PCR0 has 32 bytes, not 48");
  }

  @Test
  void itsPrivateKeyNeverShowsInText() throws Exception {
    SoftwareNsmCertificates certificates =
        SoftwareNsmCertificates.issue(
            "software-nsm-x", java.time.Instant.now(), new java.security.SecureRandom());
    String key = HexFormat.of().formatHex(certificates.leafKey().getEncoded());
    String scalar =
        ((java.security.interfaces.ECPrivateKey) certificates.leafKey()).getS().toString(16);

    assertThat(certificates.toString())
        .contains("software-nsm-x")
        .doesNotContain(key)
        .doesNotContain(scalar);
  }
}
