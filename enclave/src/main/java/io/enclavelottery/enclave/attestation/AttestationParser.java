package io.enclavelottery.enclave.attestation;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads an attestation document's bytes into an {@link AttestationDocument}, checking the shape AWS
 * documents for the payload: field types, PCR indexes and lengths, size limits.
 */
final class AttestationParser {

  private static final int COSE_ARRAY = 0x84;
  private static final int COSE_SIGN1_TAG = 0xD2;
  private static final int MAX_PCR_INDEX = 31;
  private static final List<Integer> PCR_LENGTHS = List.of(32, 48, 64);
  private static final int MAX_CERTIFICATE_LENGTH = 1024;
  private static final int MAX_PUBLIC_KEY_LENGTH = 1024;
  private static final int MAX_USER_DATA_LENGTH = 512;
  private static final int MAX_NONCE_LENGTH = 512;

  private AttestationParser() {}

  static AttestationDocument parse(byte[] rawOrBase64) {
    if (rawOrBase64.length == 0) {
      throw new MalformedAttestationException("the document is empty");
    }
    int first = rawOrBase64[0] & 0xFF;
    byte[] raw =
        first == COSE_ARRAY || first == COSE_SIGN1_TAG ? rawOrBase64 : fromBase64(rawOrBase64);
    CoseSign1 cose = CoseSign1.decode(raw);
    JsonNode payload = CoseSign1.readCbor(cose.payload(), "the payload");
    if (!payload.isObject()) {
      throw new MalformedAttestationException("the payload is not a CBOR map");
    }
    return new AttestationDocument(
        cose,
        text(payload, "module_id"),
        text(payload, "digest"),
        timestamp(payload),
        pcrs(payload),
        certificate(bytes(payload, "certificate", MAX_CERTIFICATE_LENGTH), "certificate"),
        cabundle(payload),
        optionalBytes(payload, "public_key", MAX_PUBLIC_KEY_LENGTH),
        optionalBytes(payload, "user_data", MAX_USER_DATA_LENGTH),
        optionalBytes(payload, "nonce", MAX_NONCE_LENGTH));
  }

  private static byte[] fromBase64(byte[] text) {
    String compact = new String(text, StandardCharsets.US_ASCII).replaceAll("\\s+", "");
    boolean urlSafe = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0;
    try {
      byte[] decoded = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(compact);
      if (decoded.length == 0) {
        throw new MalformedAttestationException("the document is empty");
      }
      return decoded;
    } catch (IllegalArgumentException e) {
      throw new MalformedAttestationException(
          "the document is neither CBOR nor base64 (" + e.getMessage() + ")", e);
    }
  }

  private static JsonNode field(JsonNode payload, String name) {
    JsonNode value = payload.get(name);
    if (value == null || value.isNull()) {
      throw new MalformedAttestationException("the payload has no " + name);
    }
    return value;
  }

  private static String text(JsonNode payload, String name) {
    JsonNode value = field(payload, name);
    if (!value.isTextual() || value.textValue().isEmpty()) {
      throw new MalformedAttestationException(name + " is not a non-empty text string");
    }
    return value.textValue();
  }

  private static Instant timestamp(JsonNode payload) {
    JsonNode value = field(payload, "timestamp");
    if (!value.canConvertToLong() || !value.isIntegralNumber() || value.longValue() <= 0) {
      throw new MalformedAttestationException("timestamp is not a positive integer");
    }
    return Instant.ofEpochMilli(value.longValue());
  }

  private static SortedMap<Integer, byte[]> pcrs(JsonNode payload) {
    JsonNode value = field(payload, "pcrs");
    if (!value.isObject() || value.isEmpty()) {
      throw new MalformedAttestationException("pcrs is not a non-empty map");
    }
    SortedMap<Integer, byte[]> pcrs = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> entry = it.next();
      int index = pcrIndex(entry.getKey());
      byte[] pcr = binary(entry.getValue(), "PCR" + index);
      if (!PCR_LENGTHS.contains(pcr.length)) {
        throw new MalformedAttestationException(
            "PCR" + index + " has " + pcr.length + " bytes, not 32, 48 or 64");
      }
      pcrs.put(index, pcr);
    }
    return pcrs;
  }

  private static int pcrIndex(String key) {
    try {
      int index = Integer.parseInt(key);
      if (index >= 0 && index <= MAX_PCR_INDEX) {
        return index;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new MalformedAttestationException("pcrs has a key that is not an index 0-31: " + key);
  }

  private static List<X509Certificate> cabundle(JsonNode payload) {
    JsonNode value = field(payload, "cabundle");
    if (!value.isArray() || value.isEmpty()) {
      throw new MalformedAttestationException("cabundle is not a non-empty array");
    }
    List<X509Certificate> bundle = new ArrayList<>();
    for (int i = 0; i < value.size(); i++) {
      String name = "cabundle[" + i + "]";
      byte[] der = binary(value.get(i), name);
      if (der.length == 0 || der.length > MAX_CERTIFICATE_LENGTH) {
        throw new MalformedAttestationException(name + " has " + der.length + " bytes");
      }
      bundle.add(certificate(der, name));
    }
    return bundle;
  }

  private static byte[] bytes(JsonNode payload, String name, int maxLength) {
    byte[] value = binary(field(payload, name), name);
    if (value.length == 0 || value.length > maxLength) {
      throw new MalformedAttestationException(
          name + " has " + value.length + " bytes, not 1 to " + maxLength);
    }
    return value;
  }

  private static Optional<byte[]> optionalBytes(JsonNode payload, String name, int maxLength) {
    JsonNode value = payload.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    byte[] bytes = binary(value, name);
    if (bytes.length > maxLength) {
      throw new MalformedAttestationException(
          name + " has " + bytes.length + " bytes, more than " + maxLength);
    }
    return Optional.of(bytes);
  }

  private static byte[] binary(JsonNode value, String name) {
    if (!value.isBinary()) {
      throw new MalformedAttestationException(name + " is not a byte string");
    }
    try {
      return value.binaryValue();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static X509Certificate certificate(byte[] der, String name) {
    try {
      return (X509Certificate)
          CertificateFactory.getInstance("X.509")
              .generateCertificate(new ByteArrayInputStream(der));
    } catch (CertificateException e) {
      throw new MalformedAttestationException(name + " is not an X.509 certificate", e);
    }
  }
}
