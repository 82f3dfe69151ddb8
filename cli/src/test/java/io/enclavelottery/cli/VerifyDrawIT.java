package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.chain.contract.LotteryPlay;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.devnet.LocalAnvil;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code lottery verify-draw} against rounds played on a real Anvil: round 1 drawn, round 2
 * refunded; a second lottery that never drew anything stands for "the wrong contract".
 */
class VerifyDrawIT {

  @AutoClose private static LocalAnvil anvil;
  private static String lottery;
  private static String otherLottery;
  private static Round drawn;
  private static Round refunded;

  @BeforeAll
  static void playRounds() throws Exception {
    anvil = LocalAnvil.start(LocalAnvil.Options.defaults().automine());
    lottery = LotteryPlay.deploy(anvil).address();
    otherLottery = LotteryPlay.deploy(anvil).address();
    try (LotteryPlay play = new LotteryPlay(anvil, lottery)) {
      drawn = play.drawnRound(play.player(0), play.player(1), play.player(2));
      refunded = play.refundedRound(play.player(3));
    }
    assertThat(drawn.state()).isEqualTo(RoundState.COMPLETED);
    assertThat(refunded.state()).isEqualTo(RoundState.REFUNDED);
  }

  @Test
  void aDrawnRoundVerifies() {
    CliRun run = verifyDraw(lottery, drawn.roundId());

    assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains(drawn.seedCommitment().hex(), drawn.revealedSeed().hex(), "(= commitment)")
        .containsPattern("winning point +\\d+ wei")
        .containsPattern("recomputed winner +" + drawn.winner())
        .containsPattern("winner on chain +" + drawn.winner());
    assertThat(run.lastOutLine()).startsWith("VERIFIED: ");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void jsonCarriesTheSameFacts() throws Exception {
    CliRun run = verifyDraw(lottery, drawn.roundId(), "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode json = new ObjectMapper().readTree(run.out());
    assertThat(json.get("matches").asBoolean()).isTrue();
    assertThat(json.get("roundId").asLong()).isEqualTo(drawn.roundId());
    assertThat(json.get("contract").asText()).isEqualTo(lottery);
    assertThat(json.get("commitment").asText()).isEqualTo(drawn.seedCommitment().hex());
    assertThat(json.get("recomputedCommitment").asText()).isEqualTo(drawn.seedCommitment().hex());
    assertThat(json.get("revealedSeed").asText()).isEqualTo(drawn.revealedSeed().hex());
    assertThat(json.get("recomputedWinner").asText()).isEqualTo(drawn.winner());
    assertThat(json.get("winnerOnChain").asText()).isEqualTo(drawn.winner());
    assertThat(json.get("totalPotWei").asText()).isEqualTo(drawn.totalPot().toString());
    assertThat(json.get("winningPoint").asText()).matches("\\d+");
    assertThat(json.get("drawnAt").get("transactionHash").asText()).startsWith("0x");
  }

  @Test
  void aRefundedRoundDoesNotVerify() {
    CliRun run = verifyDraw(lottery, refunded.roundId());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.lastOutLine()).startsWith("NOT VERIFIED: ").contains("refunded");
  }

  @Test
  void theSameRoundOnAnotherLotteryDoesNotVerify() {
    CliRun run = verifyDraw(otherLottery, drawn.roundId(), "--json");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.out()).contains("\"matches\" : false");
  }

  @Test
  void aRoundThatDoesNotExistDoesNotVerify() {
    CliRun run = verifyDraw(lottery, 99);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.lastOutLine()).contains("does not exist");
  }

  @Test
  void anAddressWithoutCodeIsUnusableInput() {
    CliRun run = verifyDraw(anvil.account(7).address(), 1);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).singleElement().asString().contains("there is no contract at");
    assertThat(run.out()).isEmpty();
  }

  private static CliRun verifyDraw(String contract, long round, String... extra) {
    String[] args = {
      "verify-draw",
      "--rpc",
      anvil.httpUrl(),
      "--contract",
      contract,
      "--round",
      Long.toString(round)
    };
    String[] all = java.util.Arrays.copyOf(args, args.length + extra.length);
    System.arraycopy(extra, 0, all, args.length, extra.length);
    return CliRun.of(all);
  }
}
