package io.enclavelottery.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.verify.DrawVerification;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.web3j.utils.Convert;

/**
 * What {@code verify-draw} prints about a {@link DrawVerification}: an aligned text for people, or
 * one JSON document for scripts (wei amounts and big numbers as decimal strings).
 */
final class DrawVerificationReport {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String NONE = "-";

  private final DrawVerification result;

  DrawVerificationReport(DrawVerification result) {
    this.result = result;
  }

  String text() {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            "Round %d of lottery %s on chain %d, read at block %d%n",
            result.roundId(), result.contract(), result.chainId(), result.verifiedAtBlock()));
    line(text, "state", result.state().name());
    line(
        text,
        "pot",
        ether(result.totalPot())
            + " ETH in "
            + result.betCount()
            + (result.betCount() == 1 ? " bet" : " bets"));
    line(text, "commitment", shown(result.commitment()));
    line(text, "revealed seed", shown(result.revealedSeed()));
    line(
        text,
        "seed hashes to",
        result.recomputedCommitment().map(Hex32::hex).orElse(NONE)
            + result
                .recomputedCommitment()
                .map(c -> c.equals(result.commitment()) ? "  (= commitment)" : "  (≠ commitment)")
                .orElse(""));
    line(
        text,
        "winning point",
        result.winningPoint().map(p -> p + " wei into the pot").orElse(NONE));
    line(text, "recomputed winner", result.recomputedWinner().orElse(NONE));
    line(
        text,
        "winner on chain",
        Round.NO_ADDRESS.equals(result.winnerOnChain()) ? "none" : result.winnerOnChain());
    line(
        text,
        "drawn in",
        result
            .drawnAt()
            .map(at -> "block " + at.blockNumber() + ", transaction " + at.transactionHash())
            .orElse(NONE));
    text.append(result.matches() ? "VERIFIED: " : "NOT VERIFIED: ")
        .append(result.reason())
        .append(System.lineSeparator());
    return text.toString();
  }

  String json() {
    ObjectNode root = JSON.createObjectNode();
    root.put("roundId", result.roundId());
    root.put("chainId", result.chainId());
    root.put("contract", result.contract());
    root.put("verifiedAtBlock", result.verifiedAtBlock());
    root.put("state", result.state().name());
    root.put("totalPotWei", result.totalPot().toString());
    root.put("betCount", result.betCount());
    root.put("commitment", result.commitment().hex());
    root.put("revealedSeed", result.revealedSeed().hex());
    root.put("recomputedCommitment", result.recomputedCommitment().map(Hex32::hex).orElse(null));
    root.put("winningPoint", result.winningPoint().map(BigInteger::toString).orElse(null));
    root.put("recomputedWinner", result.recomputedWinner().orElse(null));
    root.put("winnerOnChain", result.winnerOnChain());
    result
        .drawnAt()
        .ifPresentOrElse(
            at -> {
              ObjectNode drawnAt = root.putObject("drawnAt");
              drawnAt.put("blockNumber", at.blockNumber());
              drawnAt.put("blockHash", at.blockHash());
              drawnAt.put("transactionHash", at.transactionHash());
              drawnAt.put("logIndex", at.logIndex());
            },
            () -> root.putNull("drawnAt"));
    root.put("matches", result.matches());
    root.put("reason", result.reason());
    try {
      return JSON.writeValueAsString(root) + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(String.format("  %-18s %s%n", label, value));
  }

  private static String shown(Hex32 value) {
    return value.isZero() ? "none" : value.hex();
  }

  private static String ether(BigInteger wei) {
    return Convert.fromWei(new BigDecimal(wei), Convert.Unit.ETHER)
        .stripTrailingZeros()
        .toPlainString();
  }
}
