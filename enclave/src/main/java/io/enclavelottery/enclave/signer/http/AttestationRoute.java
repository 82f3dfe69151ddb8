package io.enclavelottery.enclave.signer.http;

import io.enclavelottery.enclave.signer.SignerAttestation;
import io.enclavelottery.enclave.signer.SignerRefusal;
import io.undertow.server.HttpServerExchange;
import java.util.Deque;
import org.web3j.utils.Numeric;

/**
 * {@code GET /attestation?nonce=HEX} (1 to 64 bytes) → 200 {@code application/cbor}, the raw
 * COSE_Sign1 document; 400 JSON for a missing or bad nonce.
 */
final class AttestationRoute implements JsonRoute {

  private final SignerAttestation attestation;

  AttestationRoute(SignerAttestation attestation) {
    this.attestation = attestation;
  }

  @Override
  public Object answer(HttpServerExchange exchange, RequestBody body) {
    Deque<String> values = exchange.getQueryParameters().get("nonce");
    String nonce =
        values == null || values.size() != 1 ? "" : Numeric.cleanHexPrefix(values.peek());
    int maxDigits = 2 * SignerAttestation.MAX_NONCE_BYTES;
    if (nonce.isEmpty()
        || nonce.length() > maxDigits
        || nonce.length() % 2 != 0
        || !nonce.matches("[0-9a-fA-F]+")) {
      throw new SignerRefusal(
          SignerRefusal.Kind.MALFORMED,
          "give one nonce as 2 to " + maxDigits + " hex digits: /attestation?nonce=HEX");
    }
    return new BinaryBody(
        "application/cbor", attestation.document(Numeric.hexStringToByteArray(nonce)));
  }
}
