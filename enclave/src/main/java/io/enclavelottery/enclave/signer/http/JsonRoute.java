package io.enclavelottery.enclave.signer.http;

import io.undertow.server.HttpServerExchange;

/**
 * One endpoint's work, run off the I/O thread by {@link JsonEndpoint}: it returns what to answer
 * (written as JSON, or as-is when a {@link BinaryBody}) or throws a {@link
 * io.enclavelottery.enclave.signer.SignerRefusal} whose message becomes {@code {"error": "..."}}.
 */
@FunctionalInterface
interface JsonRoute {

  Object answer(HttpServerExchange exchange, RequestBody body);

  /** A reply that is not JSON, such as an attestation document. */
  record BinaryBody(String contentType, byte[] bytes) {}
}
