package io.enclavelottery.enclave.attestation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.OptionalInt;

/**
 * A COSE_Sign1 structure (RFC 9052) as the Nitro Security Module emits it: the CBOR array {@code
 * [protected bstr, unprotected map, payload bstr, signature bstr]}, optionally with tag 18. Kept as
 * the exact bytes received, since the signature covers the protected header and payload byte for
 * byte.
 *
 * @param protectedHeader the encoded protected header map
 * @param payload the encoded payload (for Nitro, the attestation map)
 * @param signature the raw signature ({@code r || s} for ECDSA)
 */
public record CoseSign1(byte[] protectedHeader, byte[] payload, byte[] signature) {

  /** COSE algorithm identifier of ECDSA with SHA-384, the only one Nitro uses. */
  public static final int ES384 = -35;

  private static final int ALGORITHM_LABEL = 1;
  private static final CBORMapper CBOR =
      CBORMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  /** Decodes the CBOR bytes of a COSE_Sign1 structure. */
  public static CoseSign1 decode(byte[] cbor) {
    JsonNode root = readCbor(cbor, "the document");
    if (!root.isArray() || root.size() != 4) {
      throw new MalformedAttestationException(
          "the document is not a COSE_Sign1 structure (a CBOR array of 4 items)");
    }
    if (!root.get(1).isObject()) {
      throw new MalformedAttestationException("the COSE unprotected header is not a map");
    }
    byte[] protectedHeader = bytes(root.get(0), "protected header");
    if (protectedHeader.length > 0
        && !readCbor(protectedHeader, "the COSE protected header").isObject()) {
      throw new MalformedAttestationException("the COSE protected header is not a map");
    }
    return new CoseSign1(
        protectedHeader, bytes(root.get(2), "payload"), bytes(root.get(3), "signature"));
  }

  /** The protected header's algorithm ({@code 1} label), or empty when there is none. */
  public OptionalInt algorithm() {
    if (protectedHeader.length == 0) {
      return OptionalInt.empty();
    }
    JsonNode alg =
        readCbor(protectedHeader, "the COSE protected header")
            .get(Integer.toString(ALGORITHM_LABEL));
    return alg != null && alg.isInt() ? OptionalInt.of(alg.intValue()) : OptionalInt.empty();
  }

  /**
   * The bytes the signature covers: the COSE {@code Sig_structure} {@code ["Signature1", protected,
   * h'', payload]}.
   */
  public byte[] toBeSigned() {
    return write(
        generator -> {
          generator.writeStartArray(null, 4);
          generator.writeString("Signature1");
          generator.writeBinary(protectedHeader);
          generator.writeBinary(new byte[0]);
          generator.writeBinary(payload);
          generator.writeEndArray();
        });
  }

  /** The untagged CBOR encoding, with an empty unprotected header, as the NSM writes it. */
  public byte[] encoded() {
    return write(
        generator -> {
          generator.writeStartArray(null, 4);
          generator.writeBinary(protectedHeader);
          generator.writeStartObject(null, 0);
          generator.writeEndObject();
          generator.writeBinary(payload);
          generator.writeBinary(signature);
          generator.writeEndArray();
        });
  }

  /** The protected header {@code {1: -35}} (ES384) as it is encoded. */
  public static byte[] es384Header() {
    return write(
        generator -> {
          generator.writeStartObject(null, 1);
          generator.writeFieldId(ALGORITHM_LABEL);
          generator.writeNumber(ES384);
          generator.writeEndObject();
        });
  }

  /** Writes CBOR with definite lengths, as COSE requires for the structures it signs. */
  static byte[] write(CborWriting writing) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (CBORGenerator generator = (CBORGenerator) new CBORFactory().createGenerator(out)) {
      writing.writeTo(generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Reads one CBOR item, nothing after it. */
  static JsonNode readCbor(byte[] cbor, String what) {
    try {
      JsonNode node = CBOR.readTree(cbor);
      if (node == null || node.isMissingNode()) {
        throw new MalformedAttestationException(what + " is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedAttestationException(
          what + " is not valid CBOR: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(JsonNode node, String field) {
    if (!node.isBinary()) {
      throw new MalformedAttestationException("the COSE " + field + " is not a byte string");
    }
    try {
      return node.binaryValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One use of a CBOR generator. */
  @FunctionalInterface
  interface CborWriting {
    void writeTo(CBORGenerator generator) throws IOException;
  }
}
