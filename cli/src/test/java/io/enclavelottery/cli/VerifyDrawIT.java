package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.signer.SigningKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * {@code lottery verify-draw} against rounds played on a real Anvil: round 1 drawn, round 2
 * refunded; a second lottery that never drew anything stands for "the wrong contract".
 */
class VerifyDrawIT {

  private static LocalAnvil anvil;
  private static String lottery;
  private static String otherLottery;
  private static Round drawn;
  private static Round refunded;

  @BeforeAll
  static void playRounds() throws Exception {
    anvil = LocalAnvil.start(LocalAnvil.Options.defaults().automine());
    SigningKey publisher = anvil.account(0).key();
    SigningKey operator = anvil.account(1).key();
    Web3j web3j = Web3j.build(new HttpService(anvil.httpUrl()));
    try {
      LotteryDeployer deployer = new LotteryDeployer(web3j, anvil.httpUrl());
      lottery =
          deployer
              .deploy(publisher, LotteryDeployer.Options.forLocalChain(operator.address()))
              .address();
      otherLottery =
          deployer
              .deploy(publisher, LotteryDeployer.Options.forLocalChain(operator.address()))
              .address();
    } finally {
      web3j.shutdown();
    }
    try (RoundDriver driver = new RoundDriver(anvil, lottery)) {
      drawn =
          driver.drawnRound(
              operator, anvil.account(2).key(), anvil.account(3).key(), anvil.account(4).key());
      refunded = driver.refundedRound(anvil.account(5).key());
    }
    assertThat(drawn.state()).isEqualTo(RoundState.COMPLETED);
    assertThat(refunded.state()).isEqualTo(RoundState.REFUNDED);
  }

  @AfterAll
  static void stopChain() {
    if (anvil != null) {
      anvil.close();
    }
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
