package io.enclavelottery.frontend.http;

import io.enclavelottery.chain.verify.DrawVerification;
import io.enclavelottery.chain.verify.DrawVerifier;
import io.enclavelottery.frontend.view.LotteryView;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.PathTemplateMatch;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code GET /api/rounds/{id}/verification}: the round's draw re-done from chain data by {@link
 * DrawVerifier} (commitment, revealed seed, winner recomputed, whether it matches), read on the
 * {@link ChainReadPool}. Finished rounds never change, so their results are kept (the most recent
 * {@value #CACHED_ROUNDS}); a round the view does not know yet is 404 without asking the chain.
 */
final class VerificationEndpoint {

  static final int CACHED_ROUNDS = 1_000;

  private static final Pattern ROUND_ID = Pattern.compile("[0-9]{1,18}");

  private final LotteryView view;
  private final DrawVerifier verifier;
  private final ChainReadPool reads;
  private final Map<Long, DrawVerification> finished =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, DrawVerification> eldest) {
              return size() > CACHED_ROUNDS;
            }
          });

  VerificationEndpoint(LotteryView view, DrawVerifier verifier, ChainReadPool reads) {
    this.view = view;
    this.verifier = verifier;
    this.reads = reads;
  }

  void handle(HttpServerExchange exchange) {
    String raw = exchange.getAttachment(PathTemplateMatch.ATTACHMENT_KEY).getParameters().get("id");
    if (raw == null || !ROUND_ID.matcher(raw).matches()) {
      throw HttpProblem.badRequest(
          "the round id must be a whole number, not " + QueryParameters.echo(String.valueOf(raw)));
    }
    long roundId = Long.parseLong(raw);
    long latest = view.snapshot().round().roundId();
    if (roundId < 1 || roundId > latest) {
      throw HttpProblem.notFound(
          "round " + roundId + " does not exist (rounds run from 1 to " + latest + ")");
    }
    DrawVerification known = finished.get(roundId);
    if (known != null) {
      JsonResponses.send(exchange, 200, known);
      return;
    }
    reads.respond(exchange, () -> verify(roundId));
  }

  private DrawVerification verify(long roundId) {
    DrawVerification result = verifier.verify(roundId);
    if (result.state().isFinal()) {
      finished.put(roundId, result);
    }
    return result;
  }
}
