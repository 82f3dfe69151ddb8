package io.enclavelottery.enclave.attestation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;

/** The real AWS Nitro attestation documents kept in {@code src/test/resources/nitro/}. */
final class NitroDocuments {

  /** The timestamp of {@code debug-mode-valid.b64}. */
  static final Instant DEBUG_MODE_VALID_AT = Instant.parse("2024-09-09T19:49:12.400Z");

  /** The timestamp of {@code bad-signature.b64}. */
  static final Instant BAD_SIGNATURE_AT = Instant.parse("2024-07-23T21:29:40.771Z");

  private NitroDocuments() {}

  /** Base64 text of a document valid at its own time, in debug mode. */
  static byte[] debugModeValid() {
    return read("debug-mode-valid.b64");
  }

  /** Base64 text of a document with a valid chain and a signature that does not verify. */
  static byte[] badSignature() {
    return read("bad-signature.b64");
  }

  private static byte[] read(String name) {
    try (InputStream in = NitroDocuments.class.getResourceAsStream("/nitro/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource nitro/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
