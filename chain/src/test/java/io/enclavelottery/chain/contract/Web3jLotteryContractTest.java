package io.enclavelottery.chain.contract;

import static io.enclavelottery.chain.contract.AbiAnswers.encode;
import static io.enclavelottery.chain.contract.AbiAnswers.selector;
import static io.enclavelottery.chain.contract.AbiAnswers.uint;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.Response;

class Web3jLotteryContractTest {

  private static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final String PLAYER = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final String SECRET_URL = "https://node.example/v3/SECRETKEY";

  static final Round ROUND =
      new Round(
          3,
          Instant.ofEpochSecond(1000),
          Instant.ofEpochSecond(1300),
          Instant.ofEpochSecond(1310),
          Instant.ofEpochSecond(1900),
          BigInteger.valueOf(5_000),
          2,
          PLAYER,
          BigInteger.valueOf(250),
          BigInteger.valueOf(4_750),
          RoundState.COMPLETED,
          Hex32.parse("aa".repeat(32)),
          Hex32.parse("bb".repeat(32)),
          3,
          Duration.ofSeconds(60),
          BigInteger.ZERO);

  private final ScriptedNode node = new ScriptedNode();

  private Web3jLotteryContract contract() {
    return new Web3jLotteryContract(
        Web3j.build(node), SECRET_URL, LOTTERY.toUpperCase().replace("0X", "0x"));
  }

  @Test
  void readsTheCurrentRoundWithEveryField() {
    node.callReturning(selector("getRound()"), AbiAnswers.round(ROUND));

    assertThat(contract().round()).isEqualTo(ROUND);
    assertThat(ScriptedNode.blockOf(node.requests("eth_call").get(0))).isEqualTo("latest");
  }

  @Test
  void readsAtAPinnedBlock() {
    node.callReturning(selector("getRoundById(uint256)"), AbiAnswers.round(ROUND));

    LotteryContract at = contract().atBlock(42);

    assertThat(at.roundById(3)).isEqualTo(ROUND);
    assertThat(at.blockNumber()).isEqualTo(42);
    assertThat(ScriptedNode.blockOf(node.requests("eth_call").get(0))).isEqualTo("0x2a");
    assertThat(node.requests("eth_blockNumber")).isEmpty();
  }

  @Test
  void readsPagesOfParticipantsAndBets() {
    node.callReturning(
        selector("getRoundParticipants(uint256,uint256,uint256)"),
        AbiAnswers.pairs(List.of(PLAYER), List.of(BigInteger.valueOf(7))));
    node.callReturning(
        selector("getBets(uint256,uint256,uint256)"),
        AbiAnswers.pairs(
            List.of(PLAYER, LOTTERY), List.of(BigInteger.valueOf(7), BigInteger.valueOf(9))));

    assertThat(contract().participants(3, 0, 10))
        .containsExactly(new Participant(PLAYER, BigInteger.valueOf(7)));
    assertThat(contract().bets(3, 0, 10))
        .containsExactly(
            new Bet(PLAYER, BigInteger.valueOf(7)), new Bet(LOTTERY, BigInteger.valueOf(9)));
  }

  @Test
  void readsAllSettingsAtOneBlock() {
    node.returning("eth_blockNumber", "0x10");
    node.callReturning(
        selector("getConfig()"),
        encode(
            new Address(PLAYER),
            new Address(LOTTERY),
            uint(500),
            uint(1000),
            uint(300),
            uint(10),
            uint(600),
            uint(30),
            uint(2)));
    node.callReturning(selector("REVEAL_PENALTY_BPS()"), encode(uint(1000)));
    node.callReturning(selector("operatorBond()"), encode(uint(10_000)));
    node.callReturning(selector("maxPot()"), encode(uint(100_000)));
    node.callReturning(selector("unrevealedRounds()"), encode(uint(1)));
    node.callReturning(selector("paused()"), encode(new Bool(true)));
    node.callReturning(selector("pendingOperator()"), encode(new Address(Round.NO_ADDRESS)));
    node.callReturning(selector("pendingOperatorEffectiveAt()"), encode(uint(0)));
    node.callReturning(selector("OPERATOR_CHANGE_DELAY()"), encode(uint(3600)));
    node.callReturning(selector("MAX_TOTAL_EXTENSION()"), encode(uint(900)));

    LotterySettings settings = contract().settings();

    assertThat(settings)
        .isEqualTo(
            new LotterySettings(
                PLAYER,
                LOTTERY,
                500,
                BigInteger.valueOf(1000),
                Duration.ofMinutes(5),
                Duration.ofSeconds(10),
                Duration.ofMinutes(10),
                Duration.ofSeconds(30),
                2,
                1000,
                BigInteger.valueOf(10_000),
                BigInteger.valueOf(100_000),
                1,
                true,
                Round.NO_ADDRESS,
                Instant.EPOCH,
                Duration.ofHours(1),
                Duration.ofMinutes(15)));
    assertThat(settings.hasPendingOperator()).isFalse();
    assertThat(node.requests("eth_call"))
        .hasSize(10)
        .allSatisfy(call -> assertThat(ScriptedNode.blockOf(call)).isEqualTo("0x10"));
  }

  @Test
  void asksForTheChainIdOnce() {
    node.returning("eth_chainId", "0x7a69");
    Web3jLotteryContract contract = contract();

    assertThat(contract.chainId()).isEqualTo(31337);
    assertThat(contract.atBlock(5).chainId()).isEqualTo(31337);
    assertThat(node.requests("eth_chainId")).hasSize(1);
  }

  @Test
  void tellsCodeFromNoCode() {
    node.returning("eth_getCode", "0x6080");
    assertThat(contract().hasCode()).isTrue();
    node.returning("eth_getCode", "0x");
    assertThat(contract().hasCode()).isFalse();
  }

  @Test
  void anEmptyAnswerMeansThereIsNoContract() {
    node.callReturning(selector("operator()"), "0x");

    assertThatThrownBy(() -> contract().operator())
        .isInstanceOf(ContractCallException.class)
        .hasMessageContaining("no contract at " + LOTTERY)
        .hasMessageNotContaining("SECRET");
  }

  @Test
  void aCustomErrorRevertIsDecoded() {
    node.onCall(
        selector("getRoundById(uint256)"),
        request -> {
          Response.Error error = new Response.Error(3, "execution reverted");
          // web3j keeps the error's data as raw JSON, quotes included
          error.setData(
              "\"" + selector("UnknownRound(uint256)") + encode(uint(9)).substring(2) + "\"");
          return error;
        });

    assertThatThrownBy(() -> contract().roundById(9))
        .isInstanceOfSatisfying(
            ContractCallException.class,
            e -> {
              assertThat(e.function()).isEqualTo("getRoundById");
              assertThat(e.reason()).isEqualTo("UnknownRound(9)");
            })
        .hasMessageContaining("reverted: UnknownRound(9)");
  }

  @Test
  void anErrorStringRevertIsDecoded() {
    node.onCall(
        selector("currentRoundId()"),
        request -> {
          Response.Error error = new Response.Error(3, "execution reverted: nope");
          error.setData(selector("Error(string)") + encode(new Utf8String("nope")).substring(2));
          return error;
        });

    assertThatThrownBy(() -> contract().currentRoundId())
        .isInstanceOf(ContractCallException.class)
        .hasMessageContaining("nope");
  }

  @Test
  void anUnreachableNodeIsUnavailableAndTheUrlStaysSecret() {
    node.on(
        "eth_call",
        request -> {
          throw new IOException("Failed to connect to " + SECRET_URL);
        });

    assertThatThrownBy(() -> contract().round())
        .isInstanceOf(ChainUnavailableException.class)
        .hasMessageContaining("getRound")
        .hasMessageContaining("https://node.example/…")
        .hasMessageNotContaining("SECRET");
  }

  @Test
  void aNodeErrorIsUnavailable() {
    node.on("eth_call", request -> new Response.Error(-32000, "header not found"));

    assertThatThrownBy(() -> contract().atBlock(7).round())
        .isInstanceOf(ChainUnavailableException.class)
        .hasMessageContaining("header not found")
        .hasMessageNotContaining("SECRET");
  }

  @Test
  void rejectsAMalformedAddress() {
    assertThatThrownBy(() -> new Web3jLotteryContract(Web3j.build(node), SECRET_URL, "0x1234"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void preparesCallsForItsAddress() {
    ContractCall call = contract().placeBet(BigInteger.ONE);
    assertThat(call.to()).isEqualTo(LOTTERY);
    assertThat(call.value()).isEqualTo(1);
  }

  @Test
  void showsItselfWithoutTheSecret() {
    assertThat(contract().toString()).contains(LOTTERY).doesNotContain("SECRET");
  }
}
