package io.enclavelottery.enclave.signer.http;

import io.enclavelottery.enclave.signer.EnclaveSigner;
import io.enclavelottery.enclave.signer.SignedTransaction;
import io.enclavelottery.enclave.signer.SignerRefusal;
import io.undertow.server.HttpServerExchange;
import java.util.Set;

/**
 * {@code POST /sign} {@code {"chainId": N, "transaction": "0x02…"}} (an unsigned EIP-1559
 * transaction) → {@code {"transaction": "0x…", "hash": "0x…"}}, under the signing policy. A body
 * asking for a hash or message to be signed is refused as such.
 */
final class SignRoute implements JsonRoute {

  private static final Set<String> RAW_SIGNING_FIELDS = Set.of("hash", "message", "digest");

  private final EnclaveSigner signer;

  SignRoute(EnclaveSigner signer) {
    this.signer = signer;
  }

  @Override
  public Object answer(HttpServerExchange exchange, RequestBody body) {
    if (RAW_SIGNING_FIELDS.stream().anyMatch(body::has)) {
      throw new SignerRefusal(
          SignerRefusal.Kind.FORBIDDEN, "the signer never signs a raw hash or message");
    }
    body.only(Set.of("chainId", "transaction"));
    long chainId = body.unsignedLong("chainId");
    if (chainId != signer.settings().chainId()) {
      throw new SignerRefusal(
          SignerRefusal.Kind.FORBIDDEN,
          "signing was asked for chain "
              + chainId
              + "; this signer signs only for chain "
              + signer.settings().chainId());
    }
    return Signed.of(signer.sign(body.hex("transaction")));
  }

  /** The wire form of a signed transaction. */
  record Signed(String transaction, String hash) {
    static Signed of(SignedTransaction signed) {
      return new Signed(signed.raw(), signed.hash());
    }
  }
}
