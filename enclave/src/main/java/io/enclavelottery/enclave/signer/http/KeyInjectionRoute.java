package io.enclavelottery.enclave.signer.http;

import io.enclavelottery.enclave.signer.OperatorKeyCustody;
import io.undertow.server.HttpServerExchange;
import java.util.Map;
import java.util.Set;
import org.web3j.utils.Numeric;

/**
 * The key-injection routes. {@code GET /api/get_pub_key} → {@code {"publicKey": "0x<DER hex>",
 * "format": …, "scheme": …}}: the P-384 key to encrypt the operator key to (the attestation's
 * {@code public_key} carries the same DER). {@code POST /api/set_operator_key} {@code
 * {"encryptedKey": "0x…"}} → {@code {"operator": "0x…"}}, accepted once.
 */
final class KeyInjectionRoute {

  static final String FORMAT = "X.509 SubjectPublicKeyInfo DER, secp384r1, hex";
  static final String SCHEME =
      "ECIES secp384r1: V(97-byte uncompressed ephemeral point) || M xor K1 || HMAC-SHA256(K2,"
          + " C || 8 zero bytes), K2||K1 = KDF2-SHA256(V || Z); see docs/ENCLAVE.md";

  private KeyInjectionRoute() {}

  static JsonRoute publicKey(OperatorKeyCustody keys) {
    return (exchange, body) ->
        Map.of(
            "publicKey", Numeric.toHexString(keys.injectionPublicKeyDer()),
            "format", FORMAT,
            "scheme", SCHEME);
  }

  static JsonRoute inject(OperatorKeyCustody keys) {
    return (HttpServerExchange exchange, RequestBody body) -> {
      body.only(Set.of("encryptedKey"));
      keys.inject(body.hex("encryptedKey"));
      return Map.of("operator", keys.operatorAddress());
    };
  }
}
