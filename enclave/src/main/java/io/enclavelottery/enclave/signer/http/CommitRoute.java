package io.enclavelottery.enclave.signer.http;

import io.enclavelottery.enclave.signer.EnclaveSigner;
import io.enclavelottery.enclave.signer.SeedCommitment;
import io.undertow.server.HttpServerExchange;
import java.time.Instant;
import java.util.Set;

/**
 * {@code POST /commit} {@code {"roundId", "endTime" (Unix s), "nonce", "gasLimit", "maxFeePerGas",
 * "maxPriorityFeePerGas"}} → {@code {"roundId", "commitment", "transaction", "hash"}}: the signed
 * {@code commitSeed} of the round's seed.
 */
final class CommitRoute implements JsonRoute {

  private static final Set<String> FIELDS =
      Set.of("roundId", "endTime", "nonce", "gasLimit", "maxFeePerGas", "maxPriorityFeePerGas");

  private final EnclaveSigner signer;

  CommitRoute(EnclaveSigner signer) {
    this.signer = signer;
  }

  @Override
  public Object answer(HttpServerExchange exchange, RequestBody body) {
    body.only(FIELDS);
    SeedCommitment commitment =
        signer.commit(
            body.unsignedLong("roundId"),
            Instant.ofEpochSecond(body.unsignedLong("endTime")),
            body.terms());
    return new Committed(
        commitment.roundId(),
        commitment.commitment().hex(),
        commitment.transaction().raw(),
        commitment.transaction().hash());
  }

  /** The wire form of a commitment. */
  record Committed(long roundId, String commitment, String transaction, String hash) {}
}
