package io.enclavelottery.enclave.signer.http;

import io.enclavelottery.enclave.signer.EnclaveSigner;
import io.undertow.server.HttpServerExchange;
import java.util.Set;

/**
 * {@code POST /draw} {@code {"roundId", "nonce", "gasLimit", "maxFeePerGas",
 * "maxPriorityFeePerGas"}} → {@code {"transaction", "hash"}}: the signed {@code drawWinner} that
 * reveals the round's seed, once the signer's own clock allows it (403 before; 404 when the signer
 * holds no seed for the round).
 */
final class DrawRoute implements JsonRoute {

  private static final Set<String> FIELDS =
      Set.of("roundId", "nonce", "gasLimit", "maxFeePerGas", "maxPriorityFeePerGas");

  private final EnclaveSigner signer;

  DrawRoute(EnclaveSigner signer) {
    this.signer = signer;
  }

  @Override
  public Object answer(HttpServerExchange exchange, RequestBody body) {
    body.only(FIELDS);
    return SignRoute.Signed.of(signer.draw(body.unsignedLong("roundId"), body.terms()));
  }
}
