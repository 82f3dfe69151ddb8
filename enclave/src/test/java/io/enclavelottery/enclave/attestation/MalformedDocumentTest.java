package io.enclavelottery.enclave.attestation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.enclavelottery.enclave.nsm.SoftwareNsm;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bytes that are not an attestation document are refused with a clear message. */
class MalformedDocumentTest {

  private static final CBORMapper CBOR = new CBORMapper();
  private static final byte[] DOCUMENT = new SoftwareNsm().attestation(null, new byte[] {1}, null);

  static Stream<Arguments> malformed() throws Exception {
    return Stream.of(
        Arguments.of("empty", new byte[0], "the document is empty"),
        Arguments.of("whitespace", ascii(" \n "), "the document is empty"),
        Arguments.of("not base64", ascii("hello, world!"), "neither CBOR nor base64"),
        Arguments.of("base64 of text", base64(ascii("{}")), "not valid CBOR"),
        Arguments.of(
            "a CBOR map",
            base64(CBOR.writeValueAsBytes(CBOR.createObjectNode())),
            "not a COSE_Sign1"),
        Arguments.of(
            "three items",
            base64(CBOR.writeValueAsBytes(CBOR.createArrayNode().add(1).add(2).add(3))),
            "not a COSE_Sign1"),
        Arguments.of("truncated", truncated(), "not valid CBOR"),
        Arguments.of("trailing bytes", trailing(), "not valid CBOR"),
        Arguments.of(
            "text payload",
            withPayload(CBOR.writeValueAsBytes("x")),
            "the payload is not a CBOR map"),
        Arguments.of(
            "no module id", edited(p -> p.remove("module_id")), "the payload has no module_id"),
        Arguments.of(
            "numeric digest", edited(p -> p.put("digest", 384)), "digest is not a non-empty text"),
        Arguments.of(
            "negative timestamp",
            edited(p -> p.put("timestamp", -1)),
            "timestamp is not a positive"),
        Arguments.of("empty pcrs", edited(p -> p.putObject("pcrs")), "pcrs is not a non-empty map"),
        Arguments.of(
            "short PCR",
            edited(p -> ((ObjectNode) p.get("pcrs")).put("3", new byte[20])),
            "PCR3 has 20 bytes, not 32, 48 or 64"),
        Arguments.of(
            "PCR index 40",
            edited(p -> ((ObjectNode) p.get("pcrs")).put("40", new byte[48])),
            "not an index 0-31: 40"),
        Arguments.of(
            "certificate garbage",
            edited(p -> p.put("certificate", new byte[] {1, 2, 3})),
            "certificate is not an X.509 certificate"),
        Arguments.of(
            "empty cabundle",
            edited(p -> p.putArray("cabundle")),
            "cabundle is not a non-empty array"),
        Arguments.of("text nonce", edited(p -> p.put("nonce", "01")), "nonce is not a byte string"),
        Arguments.of(
            "oversized user data",
            edited(p -> p.put("user_data", new byte[513])),
            "user_data has 513 bytes, more than 512"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusedWithAClearMessage(String name, byte[] input, String message) {
    assertThatThrownBy(() -> AttestationDocument.parse(input))
        .isInstanceOf(MalformedAttestationException.class)
        .hasMessageContaining(message);
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] base64(byte[] raw) {
    return ascii(Base64.getEncoder().encodeToString(raw));
  }

  private static byte[] truncated() {
    byte[] cut = new byte[DOCUMENT.length - 10];
    System.arraycopy(DOCUMENT, 0, cut, 0, cut.length);
    return cut;
  }

  private static byte[] trailing() {
    byte[] longer = new byte[DOCUMENT.length + 1];
    System.arraycopy(DOCUMENT, 0, longer, 0, DOCUMENT.length);
    return longer;
  }

  private static byte[] withPayload(byte[] payload) {
    CoseSign1 cose = CoseSign1.decode(DOCUMENT);
    return new CoseSign1(cose.protectedHeader(), payload, cose.signature()).encoded();
  }

  private static byte[] edited(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode payload = (ObjectNode) CBOR.readTree(CoseSign1.decode(DOCUMENT).payload());
    edit.accept(payload);
    return withPayload(CBOR.writeValueAsBytes(payload));
  }
}
