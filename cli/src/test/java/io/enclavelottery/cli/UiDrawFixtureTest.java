package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.chain.contract.DrawMath;
import io.enclavelottery.chain.contract.Hex32;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browser's fairness tests ({@code frontend/test/fairness.test.ts}) take their expected values
 * from {@code frontend/test/fixtures/draws.json}; this holds every one of them to the Java {@link
 * DrawMath}, which the chain module's integration tests hold to the contract, so the browser's
 * arithmetic is checked against the contract's and never against itself.
 */
class UiDrawFixtureTest {

  private static final Path FIXTURE = Path.of("..", "frontend", "test", "fixtures", "draws.json");

  @Test
  void everyExpectedValueIsTheContractsArithmetic() throws IOException {
    JsonNode draws = new ObjectMapper().readTree(FIXTURE.toFile());
    assertThat(draws.size()).isGreaterThanOrEqualTo(8);
    for (JsonNode draw : draws) {
      long roundId = draw.get("roundId").asLong();
      Hex32 seed = Hex32.parse(draw.get("seed").asText());
      List<BigInteger> totals = new ArrayList<>();
      draw.get("cumulativeTotals").forEach(total -> totals.add(new BigInteger(total.asText())));
      BigInteger pot = totals.get(totals.size() - 1);
      BigInteger point = DrawMath.winningPoint(seed, roundId, pot);

      assertThat(
              DrawMath.commitment(
                      draw.get("chainId").asLong(), draw.get("contract").asText(), roundId, seed)
                  .toString())
          .as("commitment of round %d", roundId)
          .isEqualTo(draw.get("commitment").asText());
      assertThat(point.toString()).isEqualTo(draw.get("winningPoint").asText());
      assertThat(DrawMath.winnerIndex(totals, point)).isEqualTo(draw.get("winnerIndex").asInt());
      assertThat(draw.get("bettors").size()).isEqualTo(totals.size());
    }
  }
}
