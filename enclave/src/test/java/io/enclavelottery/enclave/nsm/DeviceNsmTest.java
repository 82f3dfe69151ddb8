package io.enclavelottery.enclave.nsm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link DeviceNsm} over a fake driver that reads requests and answers them as the real module does
 * ({@code aws-nitro-enclaves-nsm-api}'s serde encoding); the ioctl itself needs an enclave.
 */
class DeviceNsmTest {

  private static final CBORMapper CBOR = new CBORMapper();

  private final List<byte[]> requests = new ArrayList<>();

  @Test
  void attestationRequestAndResponseUseTheModulesFormat() throws Exception {
    byte[] document = {(byte) 0x84, 1, 2, 3};
    DeviceNsm nsm = new DeviceNsm(answering(answer("Attestation", "document", document)));

    byte[] result = nsm.attestation(new byte[] {1}, new byte[] {2, 3}, null);

    assertThat(result).isEqualTo(document);
    JsonNode request = CBOR.readTree(requests.get(0));
    assertThat(request.fieldNames()).toIterable().containsExactly("Attestation");
    JsonNode fields = request.get("Attestation");
    assertThat(fields.fieldNames())
        .toIterable()
        .containsExactly("user_data", "nonce", "public_key");
    assertThat(fields.get("user_data").binaryValue()).containsExactly(1);
    assertThat(fields.get("nonce").binaryValue()).containsExactly(2, 3);
    assertThat(fields.get("public_key").isNull()).isTrue();
  }

  @Test
  void getRandomIsTheBareVariantNameAndIsRepeatedUntilEnough() throws Exception {
    byte[] chunk = new byte[256];
    chunk[0] = 9;
    DeviceNsm nsm = new DeviceNsm(answering(answer("GetRandom", "random", chunk)));

    byte[] random = nsm.random(600);

    assertThat(random).hasSize(600);
    assertThat(random[256]).isEqualTo((byte) 9);
    assertThat(requests).hasSize(3);
    // CBOR text "GetRandom": major type 3, length 9
    assertThat(HexFormat.of().formatHex(requests.get(0))).isEqualTo("6947657452616e646f6d");
  }

  @Test
  void errorResponsesBecomeClearExceptions() throws Exception {
    ObjectNode error = CBOR.createObjectNode().put("Error", "InputTooLarge");
    DeviceNsm nsm = new DeviceNsm(answering(CBOR.writeValueAsBytes(error)));

    assertThatThrownBy(() -> nsm.attestation(null, null, null))
        .isInstanceOf(NsmException.class)
        .hasMessage("the NSM refused the Attestation request: InputTooLarge");
    assertThatThrownBy(() -> nsm.random(1))
        .isInstanceOf(NsmException.class)
        .hasMessage("the NSM refused the GetRandom request: InputTooLarge");
  }

  @Test
  void unexpectedResponsesAreRefused() throws Exception {
    byte[] wrongKind = answer("GetRandom", "random", new byte[] {1});
    byte[] emptyRandom = answer("GetRandom", "random", new byte[0]);

    assertThatThrownBy(() -> new DeviceNsm(answering(wrongKind)).attestation(null, null, null))
        .isInstanceOf(NsmException.class)
        .hasMessage("the NSM answered the Attestation request without document bytes");
    assertThatThrownBy(() -> new DeviceNsm(answering(new byte[] {(byte) 0xff})).random(1))
        .isInstanceOf(NsmException.class)
        .hasMessageStartingWith("the NSM's response is not valid CBOR");
    assertThatThrownBy(() -> new DeviceNsm(answering(emptyRandom)).random(1))
        .isInstanceOf(NsmException.class)
        .hasMessage("the NSM answered GetRandom with no bytes");
  }

  @Test
  void oversizedFieldsNeverReachTheDevice() {
    DeviceNsm nsm = new DeviceNsm(answering(new byte[0]));

    assertThatThrownBy(() -> nsm.attestation(new byte[600], null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the attestation user data has 600 bytes, more than 512");
    assertThat(requests).isEmpty();
    assertThat(nsm.secure()).isTrue();
  }

  private NsmTransport answering(byte[] response) {
    return request -> {
      requests.add(request);
      return response;
    };
  }

  private static byte[] answer(String kind, String field, byte[] value) throws Exception {
    ObjectNode response = CBOR.createObjectNode();
    response.putObject(kind).put(field, value);
    return CBOR.writeValueAsBytes(response);
  }
}
