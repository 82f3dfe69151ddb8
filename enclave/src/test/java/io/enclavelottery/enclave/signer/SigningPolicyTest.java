package io.enclavelottery.enclave.signer;

import static io.enclavelottery.enclave.signer.TestSigner.CHAIN_ID;
import static io.enclavelottery.enclave.signer.TestSigner.CONTRACT;
import static io.enclavelottery.enclave.signer.TestSigner.GWEI;
import static io.enclavelottery.enclave.signer.TestSigner.envelope;
import static io.enclavelottery.enclave.signer.TestSigner.terms;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryCalls;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/**
 * The signing policy of {@code POST /sign} as a table: every operator call it allows is signed by
 * the operator's key; every other transaction is refused with a reason.
 */
class SigningPolicyTest {

  private static final LotteryCalls CALLS = new LotteryCalls(CONTRACT);
  private static final Instant END = TestSigner.START.plusSeconds(600);

  /**
   * One row: what happened before, the transaction asked for, and the refusal expected ({@code
   * null}: signed).
   */
  record Row(String name, Consumer<TestSigner> before, byte[] transaction, String refusal) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> allowed() {
    return Stream.of(
        signed("startRound", envelope(0, CALLS.startRound().data())),
        signed("extendBettingTime", envelope(0, CALLS.extendBettingTime(END).data())),
        signed("refundRound", envelope(0, CALLS.refundRound().data())),
        signed("setPaused(true)", envelope(0, CALLS.setPaused(true).data())),
        signed("setPaused(false)", envelope(0, CALLS.setPaused(false).data())),
        signed("withdrawBond", envelope(0, CALLS.withdrawBond(GWEI).data())),
        signed("withdraw (the operator's credits)", envelope(0, CALLS.withdraw().data())),
        signed("ether to the payout address", envelope(0, TestSigner.PAYOUT, GWEI, "0x")),
        signed("updateMinBetAmount", envelope(0, CALLS.updateMinBetAmount(GWEI).data())),
        signed(
            "updateBettingDuration",
            envelope(0, CALLS.updateBettingDuration(Duration.ofMinutes(5)).data())),
        signed("updateMinParticipants", envelope(0, CALLS.updateMinParticipants(3).data())),
        signed(
            "updateDrawDelays",
            envelope(
                0, CALLS.updateDrawDelays(Duration.ofSeconds(5), Duration.ofMinutes(10)).data())),
        signed(
            "updateMinEndTimeExtension",
            envelope(0, CALLS.updateMinEndTimeExtension(Duration.ofMinutes(1)).data())),
        new Row(
            "the same payload again at its nonce with higher fees (a replacement)",
            t -> t.signer.sign(envelope(4, CALLS.startRound().data())),
            TransactionEncoder.encode(
                RawTransaction.createTransaction(
                    CHAIN_ID,
                    BigInteger.valueOf(4),
                    BigInteger.valueOf(300_000),
                    CONTRACT,
                    BigInteger.ZERO,
                    CALLS.startRound().data(),
                    GWEI.multiply(BigInteger.TWO),
                    GWEI.multiply(BigInteger.valueOf(20)))),
            null),
        new Row(
            "a refund once a startRound was signed after the release",
            t -> {
              commitAndDraw(t);
              t.signer.sign(envelope(2, CALLS.startRound().data()));
            },
            envelope(3, CALLS.refundRound().data()),
            null));
  }

  static Stream<Row> refused() {
    String other = "0x000000000000000000000000000000000000dead";
    return Stream.of(
        refused(
            "another contract",
            envelope(0, other, BigInteger.ZERO, CALLS.startRound().data()),
            "signs only calls to " + CONTRACT),
        refused(
            "another chain",
            TransactionEncoder.encode(
                RawTransaction.createTransaction(
                    1L,
                    BigInteger.ZERO,
                    BigInteger.valueOf(300_000),
                    CONTRACT,
                    BigInteger.ZERO,
                    CALLS.startRound().data(),
                    GWEI,
                    GWEI.multiply(BigInteger.TEN))),
            "signs only for chain 31337"),
        refused(
            "a deployment (no recipient)",
            envelope(0, "", BigInteger.ZERO, CALLS.startRound().data()),
            "a deployment"),
        refused(
            "value sent with the call",
            envelope(0, CONTRACT, BigInteger.ONE, CALLS.startRound().data()),
            "only zero value"),
        refused(
            "commitSeed through /sign",
            envelope(0, CALLS.commitSeed(Hex32.ZERO, END).data()),
            "commitSeed is never signed through /sign"),
        refused(
            "drawWinner through /sign",
            envelope(0, CALLS.drawWinner(Hex32.ZERO).data()),
            "drawWinner is never signed through /sign"),
        refused(
            "a player's placeBet (not an operator function)",
            envelope(0, CALLS.placeBet(BigInteger.ZERO).data()),
            "is not one of the lottery's operator functions"),
        refused(
            "ether to an address other than the payout address",
            envelope(0, other, GWEI, "0x"),
            "signs only calls to " + CONTRACT),
        refused(
            "a call to the payout address",
            envelope(0, TestSigner.PAYOUT, GWEI, CALLS.startRound().data()),
            "carries no call data"),
        refused(
            "nothing to the payout address",
            envelope(0, TestSigner.PAYOUT, BigInteger.ZERO, "0x"),
            "a payout sends some ether"),
        refused(
            "the publisher's proposeOperator",
            envelope(0, CALLS.proposeOperator(other).data()),
            "is not one of the lottery's operator functions"),
        refused("a call without a function", envelope(0, "0x"), "calls no function"),
        refused(
            "an operator function with extra bytes",
            envelope(0, CALLS.startRound().data() + "00"),
            "startRound takes 0 argument word(s)"),
        refused(
            "setPaused with a non-bool",
            envelope(0, CALLS.setPaused(true).data().replaceAll("1$", "2")),
            "setPaused takes a bool"),
        refused(
            "an extension to an absurd end time",
            envelope(0, CALLS.extendBettingTime(Instant.ofEpochSecond(1L << 41)).data()),
            "extendBettingTime's end time is out of range"),
        refused("a raw 32-byte hash", new byte[32], "never signs a raw hash"),
        refused(
            "a legacy transaction",
            TransactionEncoder.encode(
                RawTransaction.createTransaction(
                    BigInteger.ZERO,
                    GWEI,
                    BigInteger.valueOf(300_000),
                    CONTRACT,
                    BigInteger.ZERO,
                    CALLS.startRound().data())),
            "legacy transactions are never signed"),
        refused("an EIP-2930 transaction", typed(0x01), "EIP-2930 (type 1)"),
        refused("a blob transaction", typed(0x03), "blob (type 3)"),
        refused("an EIP-7702 set-code transaction", typed(0x04), "EIP-7702 set-code (type 4)"),
        refused("an unknown transaction type", typed(0x7f), "unknown type 0x7f"),
        refused(
            "maxFeePerGas over the cap",
            withFees(GWEI.multiply(BigInteger.valueOf(101)), GWEI, 300_000),
            "maxFeePerGas 101 gwei is over the cap of 100 gwei"),
        refused(
            "priority fee over the cap",
            withFees(
                GWEI.multiply(BigInteger.valueOf(50)),
                GWEI.multiply(BigInteger.valueOf(6)),
                300_000),
            "maxPriorityFeePerGas 6 gwei is over the cap of 5 gwei"),
        refused(
            "gas limit over the cap",
            withFees(GWEI.multiply(BigInteger.TEN), GWEI, 5_000_001),
            "gas limit 5000001 is over the cap of 5000000"),
        new Row(
            "a second payload for a nonce already signed",
            t -> t.signer.sign(envelope(7, CALLS.setPaused(true).data())),
            envelope(7, CALLS.setPaused(false).data()),
            "nonce 7 was already signed for another payload (setPaused)"),
        new Row(
            "a /sign payload at the nonce of a signed commitSeed",
            t -> t.signer.commit(1, END, terms(0)),
            envelope(0, CALLS.startRound().data()),
            "nonce 0 was already signed for another payload (commitSeed)"),
        new Row(
            "a refund after the latest committed round's seed was released",
            SigningPolicyTest::commitAndDraw,
            envelope(2, CALLS.refundRound().data()),
            "refundRound is refused: round 1's seed has been released"),
        new Row(
            "an extension after the latest committed round's seed was released",
            SigningPolicyTest::commitAndDraw,
            envelope(2, CALLS.extendBettingTime(END.plusSeconds(600)).data()),
            "extendBettingTime is refused: round 1's seed has been released"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("allowed")
  void signsWhatThePolicyAllows(Row row) throws Exception {
    TestSigner t = TestSigner.generated();
    row.before().accept(t);

    SignedTransaction signed = t.signer.sign(row.transaction());

    SignedRawTransaction decoded = (SignedRawTransaction) TransactionDecoder.decode(signed.raw());
    assertThat(decoded.getFrom()).isEqualTo(t.keys.operatorAddress());
    assertThat(Numeric.toHexString(TransactionEncoder.encode(decoded)))
        .isEqualTo(Numeric.toHexString(row.transaction()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesEverythingElseWithAReason(Row row) {
    TestSigner t = TestSigner.generated();
    row.before().accept(t);

    SignerRefusal refusal =
        catchThrowableOfType(SignerRefusal.class, () -> t.signer.sign(row.transaction()));

    assertThat(refusal).as("refused").isNotNull();
    assertThat(refusal.kind()).isEqualTo(SignerRefusal.Kind.FORBIDDEN);
    assertThat(refusal.getMessage()).contains(row.refusal());
  }

  @Test
  void withoutAPayoutAddressItSendsEtherNowhere() {
    TestSigner t = TestSigner.generated(Optional.empty());

    assertThatThrownBy(() -> t.signer.sign(envelope(0, TestSigner.PAYOUT, GWEI, "0x")))
        .isInstanceOf(SignerRefusal.class)
        .hasMessageContaining("signs only calls to " + CONTRACT);
    assertThat(new String(new SignerAttestation(t.nsm, t.keys, t.settings).userData(), UTF_8))
        .doesNotContain("payout");
  }

  private static Row signed(String name, byte[] transaction) {
    return new Row(name, t -> {}, transaction, null);
  }

  private static Row refused(String name, byte[] transaction, String reason) {
    return new Row(name, t -> {}, transaction, reason);
  }

  /** Round 1 committed at nonce 0 and drawn at nonce 1, its seed released. */
  private static void commitAndDraw(TestSigner t) {
    t.signer.commit(1, END, terms(0));
    t.clock.set(END.plus(TestSigner.MARGIN).plusSeconds(1));
    t.signer.draw(1, terms(1));
  }

  private static byte[] typed(int type) {
    byte[] body = envelope(0, CALLS.startRound().data());
    body[0] = (byte) type;
    return body;
  }

  private static byte[] withFees(BigInteger maxFee, BigInteger tip, long gasLimit) {
    return TransactionEncoder.encode(
        RawTransaction.createTransaction(
            CHAIN_ID,
            BigInteger.ZERO,
            BigInteger.valueOf(gasLimit),
            CONTRACT,
            BigInteger.ZERO,
            CALLS.startRound().data(),
            tip,
            maxFee));
  }
}
