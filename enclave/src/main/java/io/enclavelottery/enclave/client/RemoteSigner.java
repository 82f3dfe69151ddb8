package io.enclavelottery.enclave.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.signer.Signer;
import io.enclavelottery.enclave.signer.SeedCommitment;
import io.enclavelottery.enclave.signer.SignedTransaction;
import io.enclavelottery.enclave.signer.SignerStatus;
import io.enclavelottery.enclave.signer.TransactionTerms;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The enclave signer seen from the controller: a {@link Signer} for ordinary operator calls ({@code
 * POST /sign}), plus the seed's two transactions, which the signer builds itself ({@link #commit},
 * {@link #draw}). Refusals arrive as {@link SignerCallFailed} with the signer's reason.
 */
public final class RemoteSigner implements Signer {

  private final SignerHttp http;
  private volatile String address;

  /**
   * @param signingUrl the signer's signing port, e.g. {@code http://signer:7000/}
   * @param timeout for connecting and for each call
   */
  public RemoteSigner(URI signingUrl, Duration timeout) {
    this.http = new SignerHttp(signingUrl, timeout);
  }

  /** The operator address the signer reports (asked once, then remembered). */
  @Override
  public String address() {
    String known = address;
    if (known == null) {
      known = status().operator();
      address = known;
    }
    return known;
  }

  @Override
  public String signTransaction(RawTransaction transaction, long chainId) {
    Signer.eip1559For(transaction, chainId);
    JsonNode answer =
        http.post(
            "sign",
            Map.of(
                "chainId",
                chainId,
                "transaction",
                Numeric.toHexString(TransactionEncoder.encode(transaction))));
    return answer.path("transaction").asText();
  }

  /**
   * The signed {@code commitSeed} of {@code roundId}, ending at {@code endTime} (the round's end on
   * chain), and its commitment. Asking again for the round gives the same commitment.
   */
  public SeedCommitment commit(long roundId, Instant endTime, TransactionTerms terms) {
    Map<String, Object> body = terms(terms);
    body.put("roundId", roundId);
    body.put("endTime", endTime.getEpochSecond());
    JsonNode answer = http.post("commit", body);
    return new SeedCommitment(
        answer.path("roundId").asLong(),
        Hex32.parse(answer.path("commitment").asText()),
        signed(answer));
  }

  /**
   * The signed {@code drawWinner} of {@code roundId}, which reveals its seed. Refused until the
   * signer's own clock is past the round's end plus its margin; {@link SignerCallFailed#notHeld()}
   * when the signer does not hold the seed (it restarted: the round can only be refunded).
   */
  public SignedTransaction draw(long roundId, TransactionTerms terms) {
    Map<String, Object> body = terms(terms);
    body.put("roundId", roundId);
    return signed(http.post("draw", body));
  }

  /** What the signer holds and whether it can sign. */
  public SignerStatus status() {
    return http.convert(http.get("status"), SignerStatus.class);
  }

  private static Map<String, Object> terms(TransactionTerms terms) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("nonce", terms.nonce().toString());
    body.put("gasLimit", terms.gasLimit().toString());
    body.put("maxFeePerGas", terms.fees().maxFeePerGas().toString());
    body.put("maxPriorityFeePerGas", terms.fees().maxPriorityFeePerGas().toString());
    return body;
  }

  private static SignedTransaction signed(JsonNode answer) {
    return new SignedTransaction(answer.path("transaction").asText(), answer.path("hash").asText());
  }

  @Override
  public String toString() {
    return "RemoteSigner[" + http.base() + "]";
  }
}
