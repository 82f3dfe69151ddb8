package io.enclavelottery.chain.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.generated.LotteryBinding;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3j.protocol.core.methods.response.Log;

/** Logs built with web3j's encoders from the binding's event shapes, decoded back. */
class LotteryEventDecoderTest {

  private static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final String ALICE = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";
  private static final String BOB = "0x3c44cdddb6a900fa2b585dd299e03d12fa4293bc";
  private static final String BLOCK_HASH = "0x" + "b1".repeat(32);
  private static final String TX_HASH = "0x" + "7e".repeat(32);
  private static final EventPosition AT = new EventPosition(LOTTERY, 12, BLOCK_HASH, TX_HASH, 3);
  private static final Instant T = Instant.ofEpochSecond(1_700_000_000);
  private static final Hex32 SEED = Hex32.parse("5e".repeat(32));

  static Stream<Arguments> events() {
    return Stream.of(
        row(
            LotteryBinding.ROUNDCREATED_EVENT,
            List.of(uint(1)),
            List.of(uint(100), uint(400), uint(410), uint(1000), time()),
            new RoundCreated(AT, 1, sec(100), sec(400), sec(410), sec(1000), T)),
        row(
            LotteryBinding.BETPLACED_EVENT,
            List.of(uint(1), new Address(ALICE)),
            List.of(uint(50), uint(150), time()),
            new BetPlaced(AT, 1, ALICE, wei(50), wei(150), T)),
        row(
            LotteryBinding.ENDTIMEEXTENDED_EVENT,
            List.of(uint(1)),
            List.of(uint(400), uint(460), time()),
            new EndTimeExtended(AT, 1, sec(400), sec(460), T)),
        row(
            LotteryBinding.ROUNDSTATECHANGED_EVENT,
            List.of(uint(1)),
            List.of(new Uint8(1), new Uint8(3), time()),
            new RoundStateChanged(AT, 1, RoundState.BETTING, RoundState.COMPLETED, T)),
        row(
            LotteryBinding.ROUNDCOMPLETED_EVENT,
            List.of(uint(1), new Address(BOB)),
            List.of(uint(150), uint(142), uint(8), new Uint256(SEED.toBigInteger()), time()),
            new RoundCompleted(AT, 1, BOB, wei(150), wei(142), wei(8), SEED, T)),
        row(
            LotteryBinding.ROUNDREFUNDED_EVENT,
            List.of(uint(2)),
            List.of(uint(70), uint(1), new Utf8String("too few players"), time()),
            new RoundRefunded(AT, 2, wei(70), 1, "too few players", T)),
        row(
            LotteryBinding.MINBETAMOUNTUPDATED_EVENT,
            List.of(),
            List.of(uint(10), uint(20), time()),
            new MinBetAmountUpdated(AT, wei(10), wei(20), T)),
        row(
            LotteryBinding.BETTINGDURATIONUPDATED_EVENT,
            List.of(),
            List.of(uint(300), uint(600), time()),
            new BettingDurationUpdated(AT, Duration.ofMinutes(5), Duration.ofMinutes(10), T)),
        row(
            LotteryBinding.MINPARTICIPANTSUPDATED_EVENT,
            List.of(),
            List.of(uint(2), uint(3), time()),
            new MinParticipantsUpdated(AT, 2, 3, T)),
        row(
            LotteryBinding.OPERATORUPDATED_EVENT,
            List.of(new Address(ALICE), new Address(BOB)),
            List.of(time()),
            new OperatorUpdated(AT, ALICE, BOB, T)),
        row(
            LotteryBinding.WITHDRAWN_EVENT,
            List.of(new Address(ALICE)),
            List.of(uint(99), time()),
            new Withdrawn(AT, ALICE, wei(99), T)),
        row(
            LotteryBinding.DRAWDELAYSUPDATED_EVENT,
            List.of(),
            List.of(uint(10), uint(600), uint(20), uint(900), time()),
            new DrawDelaysUpdated(
                AT,
                Duration.ofSeconds(10),
                Duration.ofSeconds(600),
                Duration.ofSeconds(20),
                Duration.ofSeconds(900),
                T)),
        row(
            LotteryBinding.MINENDTIMEEXTENSIONUPDATED_EVENT,
            List.of(),
            List.of(uint(30), uint(60), time()),
            new MinEndTimeExtensionUpdated(AT, Duration.ofSeconds(30), Duration.ofSeconds(60), T)),
        row(
            LotteryBinding.SEEDCOMMITTED_EVENT,
            List.of(uint(4)),
            List.of(new Bytes32(SEED.toBytes()), uint(400), time()),
            new SeedCommitted(AT, 4, SEED, sec(400), T)),
        row(
            LotteryBinding.REVEALWITHHELD_EVENT,
            List.of(uint(4)),
            List.of(uint(15), uint(1), time()),
            new RevealWithheld(AT, 4, wei(15), 1, T)),
        row(
            LotteryBinding.PRIZECREDITED_EVENT,
            List.of(uint(4), new Address(BOB)),
            List.of(uint(142), time()),
            new PrizeCredited(AT, 4, BOB, wei(142), T)),
        row(
            LotteryBinding.REFUNDCLAIMED_EVENT,
            List.of(uint(4), new Address(ALICE)),
            List.of(uint(55), uint(5), time()),
            new RefundClaimed(AT, 4, ALICE, wei(55), wei(5), T)),
        row(
            LotteryBinding.BONDDEPOSITED_EVENT,
            List.of(new Address(ALICE)),
            List.of(uint(1000), uint(3000), time()),
            new BondDeposited(AT, ALICE, wei(1000), wei(3000), T)),
        row(
            LotteryBinding.BONDWITHDRAWN_EVENT,
            List.of(new Address(BOB)),
            List.of(uint(500), uint(2500), time()),
            new BondWithdrawn(AT, BOB, wei(500), wei(2500), T)),
        row(
            LotteryBinding.PAUSEDSET_EVENT,
            List.of(),
            List.of(new Bool(true), time()),
            new PausedSet(AT, true, T)),
        row(
            LotteryBinding.OPERATORCHANGEPROPOSED_EVENT,
            List.of(new Address(BOB)),
            List.of(uint(5000), time()),
            new OperatorChangeProposed(AT, BOB, sec(5000), T)),
        row(
            LotteryBinding.PENDINGBONDDEPOSITED_EVENT,
            List.of(new Address(BOB)),
            List.of(uint(700), uint(900), time()),
            new PendingBondDeposited(AT, BOB, wei(700), wei(900), T)),
        row(
            LotteryBinding.OPERATORCHANGECANCELLED_EVENT,
            List.of(new Address(BOB)),
            List.of(uint(900), time()),
            new OperatorChangeCancelled(AT, BOB, wei(900), T)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("events")
  void decodesEveryLotteryEvent(String name, Log log, LotteryEvent expected) {
    assertThat(LotteryEventDecoder.decode(log)).contains(expected);
    assertThat(expected.name()).isEqualTo(name);
  }

  @Test
  void coversEveryEventOfTheAbi() {
    assertThat(events()).hasSize(23);
    assertThat(LotteryEventDecoder.topics()).hasSize(23).doesNotHaveDuplicates();
    assertThat(LotteryEventDecoder.roundTopics())
        .hasSize(10)
        .contains(LotteryEventDecoder.topic(BetPlaced.class));
  }

  @Test
  void topicsAreTheEventSignatureHashes() {
    assertThat(LotteryEventDecoder.topic(BetPlaced.class))
        .isEqualTo(Hash.sha3String("BetPlaced(uint256,address,uint256,uint256,uint256)"));
  }

  @Test
  void foreignLogsDecodeToNothing() {
    String transfer = Hash.sha3String("Transfer(address,address,uint256)");
    Log erc20 =
        log(
            List.of(transfer, word(new Address(ALICE)), word(new Address(BOB))),
            "0x" + TypeEncoder.encode(uint(5)));
    assertThat(LotteryEventDecoder.decode(erc20)).isEmpty();
    assertThat(LotteryEventDecoder.decode(log(List.of(), "0x"))).isEmpty();
    assertThat(LotteryEventDecoder.decode(new Log())).isEmpty();
    assertThat(LotteryEventDecoder.decode(null)).isEmpty();
  }

  @Test
  void aKnownTopicWithAnotherShapeDecodesToNothing() {
    String betPlaced = LotteryEventDecoder.topic(BetPlaced.class);
    // the player not indexed: one topic fewer than the lottery's BetPlaced
    assertThat(LotteryEventDecoder.decode(log(List.of(betPlaced, word(uint(1))), "0x"))).isEmpty();
    // data cut short
    assertThat(
            LotteryEventDecoder.decode(
                log(List.of(betPlaced, word(uint(1)), word(new Address(ALICE))), "0x1234")))
        .isEmpty();
  }

  @Test
  void aPendingLogDecodesToNothing() {
    Log pending = (Log) events().findFirst().orElseThrow().get()[1];
    pending.setBlockNumber(null);
    pending.setBlockHash(null);
    assertThat(LotteryEventDecoder.decode(pending)).isEmpty();
  }

  @Test
  void upperCaseTopicsAndAddressesAreAccepted() {
    Log log = (Log) events().skip(1).findFirst().orElseThrow().get()[1];
    List<String> topics = new ArrayList<>(log.getTopics());
    topics.set(0, "0x" + topics.get(0).substring(2).toUpperCase());
    log.setTopics(topics);
    log.setAddress(LOTTERY.toUpperCase().replace("0X", "0x"));
    assertThat(LotteryEventDecoder.decode(log))
        .hasValueSatisfying(event -> assertThat(event.position().contract()).isEqualTo(LOTTERY));
  }

  @SuppressWarnings("rawtypes")
  private static Arguments row(
      Event event, List<Type> indexed, List<Type> data, LotteryEvent expected) {
    List<String> topics = new ArrayList<>();
    topics.add(EventEncoder.encode(event));
    indexed.forEach(value -> topics.add(word(value)));
    return Arguments.of(
        event.getName(), log(topics, "0x" + FunctionEncoder.encodeConstructor(data)), expected);
  }

  private static Log log(List<String> topics, String data) {
    return new Log(
        false,
        "0x3",
        "0x0",
        TX_HASH,
        BLOCK_HASH,
        "0xc",
        LOTTERY,
        data,
        null,
        new ArrayList<>(topics));
  }

  @SuppressWarnings("rawtypes")
  private static String word(Type value) {
    return "0x" + TypeEncoder.encode(value);
  }

  private static Uint256 uint(long value) {
    return new Uint256(value);
  }

  private static Uint256 time() {
    return uint(T.getEpochSecond());
  }

  private static Instant sec(long seconds) {
    return Instant.ofEpochSecond(seconds);
  }

  private static BigInteger wei(long value) {
    return BigInteger.valueOf(value);
  }
}
