package io.enclavelottery.enclave.nsm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The NSM driver's message format, as AWS's {@code aws-nitro-enclaves-nsm-api} serializes it
 * (serde, externally tagged enums): requests {@code {"Attestation": {"user_data", "nonce",
 * "public_key"}}} and {@code "GetRandom"}; responses {@code {"Attestation": {"document": bstr}}},
 * {@code {"GetRandom": {"random": bstr}}} or {@code {"Error": "<code>"}}.
 */
final class NsmCodec {

  private static final CBORMapper CBOR = new CBORMapper();

  private NsmCodec() {}

  static byte[] attestationRequest(AttestationRequest request) {
    ObjectNode fields = CBOR.createObjectNode();
    fields.put("user_data", request.userData());
    fields.put("nonce", request.nonce());
    fields.put("public_key", request.publicKey());
    ObjectNode message = CBOR.createObjectNode();
    message.set("Attestation", fields);
    return write(message);
  }

  static byte[] randomRequest() {
    return write(CBOR.getNodeFactory().textNode("GetRandom"));
  }

  /** The document in an {@code Attestation} response. */
  static byte[] attestationDocument(byte[] response) {
    return bytesOf(response, "Attestation", "document");
  }

  /** The bytes in a {@code GetRandom} response. */
  static byte[] randomBytes(byte[] response) {
    return bytesOf(response, "GetRandom", "random");
  }

  private static byte[] bytesOf(byte[] response, String kind, String field) {
    JsonNode message = read(response);
    JsonNode error = message.get("Error");
    if (error != null) {
      throw new NsmException("the NSM refused the " + kind + " request: " + error.asText());
    }
    JsonNode value = message.path(kind).path(field);
    if (!value.isBinary()) {
      throw new NsmException(
          "the NSM answered the " + kind + " request without " + field + " bytes");
    }
    try {
      return value.binaryValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(byte[] response) {
    try {
      JsonNode message = CBOR.readTree(response);
      if (message == null || !message.isObject()) {
        throw new NsmException("the NSM's response is not a CBOR map");
      }
      return message;
    } catch (JsonProcessingException e) {
      throw new NsmException("the NSM's response is not valid CBOR: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] write(JsonNode message) {
    try {
      return CBOR.writeValueAsBytes(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode an NSM request", e);
    }
  }
}
