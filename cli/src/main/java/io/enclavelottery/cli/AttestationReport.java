package io.enclavelottery.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enclavelottery.enclave.attestation.AttestationVerification;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What {@code verify-attestation} prints: one JSON document with the verdict and the document's
 * fields, bytes as lower-case hex; {@code userDataText} too when the user data is readable text
 * (the signer binds JSON there).
 */
final class AttestationReport {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private AttestationReport() {}

  static String json(AttestationVerification result) {
    ObjectNode root = JSON.createObjectNode();
    root.put("valid", result.valid());
    result.reason().ifPresent(reason -> root.put("reason", reason));
    root.put("secure", result.secure());
    root.put("debugMode", result.debugMode());
    root.put("moduleId", result.moduleId());
    root.put("timestamp", result.timestamp().toString());
    ObjectNode pcrs = root.putObject("pcrs");
    result.pcrs().forEach((index, value) -> pcrs.put(Integer.toString(index), value));
    root.put("userData", result.userData().orElse(null));
    result.userData().flatMap(AttestationReport::text).ifPresent(t -> root.put("userDataText", t));
    root.put("publicKey", result.publicKey().orElse(null));
    root.put("nonce", result.nonce().orElse(null));
    root.put("verifiedAt", result.verifiedAt().toString());
    try {
      return JSON.writeValueAsString(root) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<String> text(String hex) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .decode(ByteBuffer.wrap(HexFormat.of().parseHex(hex)))
              .toString();
      return text.chars().anyMatch(Character::isISOControl) ? Optional.empty() : Optional.of(text);
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
