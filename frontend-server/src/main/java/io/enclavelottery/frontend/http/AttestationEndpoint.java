package io.enclavelottery.frontend.http;

import io.undertow.server.HttpServerExchange;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code GET /api/attestation?nonce=HEX}: a fresh attestation document for the browser's own nonce
 * (so it can check freshness itself), or 404 when no signer is configured.
 */
final class AttestationEndpoint {

  /** Nitro attestation accepts nonces of up to 512 bytes. */
  static final int MAX_NONCE_BYTES = 512;

  /** The response: the nonce echoed as hex, the document as base64. */
  record Attestation(String nonce, String document) {}

  private final Optional<AttestationSource> source;
  private final ChainReadPool pool;

  AttestationEndpoint(Optional<AttestationSource> source, ChainReadPool pool) {
    this.source = source;
    this.pool = pool;
  }

  void handle(HttpServerExchange exchange) {
    byte[] nonce = new QueryParameters(exchange).hexBytes("nonce", MAX_NONCE_BYTES);
    AttestationSource signer =
        source.orElseThrow(() -> HttpProblem.notFound("no signer configured"));
    pool.respond(
        exchange,
        () ->
            new Attestation(
                HexFormat.of().formatHex(nonce),
                Base64.getEncoder().encodeToString(signer.attest(nonce))));
  }
}
