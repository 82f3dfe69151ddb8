package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.signer.LocalKeySigner;
import io.enclavelottery.chain.signer.SigningException;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.Fees;
import io.enclavelottery.enclave.signer.SeedCommitment;
import io.enclavelottery.enclave.signer.SignedTransaction;
import io.enclavelottery.enclave.signer.TransactionTerms;
import java.math.BigInteger;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.utils.Numeric;

/** What the keeper accepts of a transaction the enclave signer hands back, one case per rule. */
class SignedTransactionCheckTest {

  private static final long CHAIN_ID = 31337;
  private static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final String ELSEWHERE = "0x" + "66".repeat(20);
  private static final LotteryCalls CALLS = new LotteryCalls(LOTTERY);

  /** Anvil's dev account 1 (public test data): the attested operator. */
  private static final SigningKey OPERATOR =
      SigningKey.fromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  /** Anvil's dev account 0 (public test data): any other key. */
  private static final SigningKey STRANGER =
      SigningKey.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  private static final Fees FEES = new Fees(BigInteger.TEN.pow(10), BigInteger.TEN.pow(9));
  private static final TransactionTerms TERMS =
      new TransactionTerms(BigInteger.valueOf(7), BigInteger.valueOf(100_000), FEES);
  private static final Instant END = Instant.ofEpochSecond(1_900_000_000L);
  private static final Hex32 COMMITMENT = Hex32.parse("0x" + "77".repeat(32));
  private static final Hex32 SEED = Hex32.parse("0x" + "55".repeat(32));

  private final SignedTransactionCheck check = new SignedTransactionCheck(CHAIN_ID, LOTTERY);

  /** A transaction with every field the keeper may ask for; {@code to} may be any address. */
  private static RawTransaction transaction(
      long chainId,
      long nonce,
      String to,
      BigInteger value,
      String data,
      long gas,
      BigInteger priorityFee,
      BigInteger maxFee) {
    return RawTransaction.createTransaction(
        chainId,
        BigInteger.valueOf(nonce),
        BigInteger.valueOf(gas),
        to,
        value,
        data,
        priorityFee,
        maxFee);
  }

  private static RawTransaction asked() {
    return transaction(
        CHAIN_ID,
        7,
        LOTTERY,
        BigInteger.ZERO,
        CALLS.startRound().data(),
        100_000,
        FEES.maxPriorityFeePerGas(),
        FEES.maxFeePerGas());
  }

  private static RawTransaction onTerms(String data, String to) {
    return transaction(
        CHAIN_ID,
        7,
        to,
        BigInteger.ZERO,
        data,
        100_000,
        FEES.maxPriorityFeePerGas(),
        FEES.maxFeePerGas());
  }

  /** Signs with the transaction's own chain id, whatever the keeper's. */
  private static String sign(SigningKey key, RawTransaction transaction) {
    return Numeric.toHexString(TransactionEncoder.signMessage(transaction, key.credentials()));
  }

  private static Stream<Arguments> swappedPayloads() {
    String data = CALLS.startRound().data();
    BigInteger tip = FEES.maxPriorityFeePerGas();
    BigInteger max = FEES.maxFeePerGas();
    return Stream.of(
        Arguments.of(
            transaction(1, 7, LOTTERY, BigInteger.ZERO, data, 100_000, tip, max),
            "its chain id is 1, not 31337"),
        Arguments.of(
            transaction(CHAIN_ID, 7, ELSEWHERE, BigInteger.ZERO, data, 100_000, tip, max),
            "its recipient is " + ELSEWHERE + ", not " + LOTTERY),
        Arguments.of(
            transaction(CHAIN_ID, 8, LOTTERY, BigInteger.ZERO, data, 100_000, tip, max),
            "its nonce is 8, not 7"),
        Arguments.of(
            transaction(CHAIN_ID, 7, LOTTERY, BigInteger.ONE, data, 100_000, tip, max),
            "its value is 1, not 0"),
        Arguments.of(
            transaction(CHAIN_ID, 7, LOTTERY, BigInteger.ZERO, data, 900_000, tip, max),
            "its gas limit is 900000, not 100000"),
        Arguments.of(
            transaction(CHAIN_ID, 7, LOTTERY, BigInteger.ZERO, data, 100_000, tip, max.add(tip)),
            "its max fee per gas is 11000000000, not 10000000000"),
        Arguments.of(
            transaction(CHAIN_ID, 7, LOTTERY, BigInteger.ZERO, data, 100_000, max, max),
            "its max priority fee per gas is 10000000000, not 1000000000"),
        Arguments.of(
            transaction(
                CHAIN_ID,
                7,
                LOTTERY,
                BigInteger.ZERO,
                CALLS.refundRound().data(),
                100_000,
                tip,
                max),
            "its call data is not the one asked for"));
  }

  @Test
  void theTransactionAskedForSignedByTheOperatorPasses() {
    String raw = new LocalKeySigner(OPERATOR).signTransaction(asked(), CHAIN_ID);

    assertThat(check.asked(raw, asked(), OPERATOR.address())).isEqualTo(raw);
  }

  @ParameterizedTest
  @MethodSource("swappedPayloads")
  void aPayloadOtherThanAskedIsRefused(RawTransaction signed, String reason) {
    String raw = sign(OPERATOR, signed);

    assertThatThrownBy(() -> check.asked(raw, asked(), OPERATOR.address()))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("not sent")
        .hasMessageContaining(reason);
  }

  @Test
  void aSignatureOfAnotherKeyIsRefused() {
    String raw = sign(STRANGER, asked());

    assertThatThrownBy(() -> check.asked(raw, asked(), OPERATOR.address()))
        .hasMessageContaining(
            "it is signed by "
                + STRANGER.address()
                + ", not by the attested operator "
                + OPERATOR.address());
  }

  @Test
  void somethingThatIsNotASignedEip1559TransactionIsRefused() {
    String unsigned = Numeric.toHexString(TransactionEncoder.encode(asked()));
    String legacy =
        Numeric.toHexString(
            TransactionEncoder.signMessage(
                RawTransaction.createTransaction(
                    BigInteger.valueOf(7),
                    BigInteger.ONE,
                    BigInteger.valueOf(100_000),
                    LOTTERY,
                    CALLS.startRound().data()),
                CHAIN_ID,
                Credentials.create(OPERATOR.credentials().getEcKeyPair())));

    assertThatThrownBy(() -> check.asked("0x1234", asked(), OPERATOR.address()))
        .hasMessageContaining("not a transaction");
    assertThatThrownBy(() -> check.asked(unsigned, asked(), OPERATOR.address()))
        .hasMessageContaining("not a signed EIP-1559 transaction");
    assertThatThrownBy(() -> check.asked(legacy, asked(), OPERATOR.address()))
        .hasMessageContaining("not a signed EIP-1559 transaction");
  }

  @Test
  void theCommitmentItReportsOnTheKeepersTermsPasses() {
    String raw = sign(OPERATOR, onTerms(CALLS.commitSeed(COMMITMENT, END).data(), LOTTERY));
    SeedCommitment answer = new SeedCommitment(1, COMMITMENT, new SignedTransaction(raw, "0x"));

    assertThat(check.commit(answer, END, TERMS, OPERATOR.address())).isEqualTo(answer);
  }

  @Test
  void aCommitmentOtherThanItReportsOrWithAnotherEndTimeIsRefused() {
    String otherCommitment =
        sign(
            OPERATOR,
            onTerms(CALLS.commitSeed(Hex32.parse("0x" + "78".repeat(32)), END).data(), LOTTERY));
    String otherEnd =
        sign(OPERATOR, onTerms(CALLS.commitSeed(COMMITMENT, END.plusSeconds(1)).data(), LOTTERY));

    for (String raw : new String[] {otherCommitment, otherEnd}) {
      SeedCommitment answer = new SeedCommitment(1, COMMITMENT, new SignedTransaction(raw, "0x"));
      assertThatThrownBy(() -> check.commit(answer, END, TERMS, OPERATOR.address()))
          .hasMessageContaining("commitSeed of round 1")
          .hasMessageContaining("its call data is not the one asked for");
    }
  }

  @Test
  void aCommitmentToAnotherContractIsRefused() {
    String raw = sign(OPERATOR, onTerms(CALLS.commitSeed(COMMITMENT, END).data(), ELSEWHERE));
    SeedCommitment answer = new SeedCommitment(1, COMMITMENT, new SignedTransaction(raw, "0x"));

    assertThatThrownBy(() -> check.commit(answer, END, TERMS, OPERATOR.address()))
        .hasMessageContaining("its recipient is " + ELSEWHERE);
  }

  @Test
  void aDrawOfTheContractOnTheKeepersTermsPasses() {
    String raw = sign(OPERATOR, onTerms(CALLS.drawWinner(SEED).data(), LOTTERY));
    SignedTransaction draw = new SignedTransaction(raw, Hash.sha3(raw));

    assertThat(check.draw(1, draw, TERMS, OPERATOR.address())).isEqualTo(draw);
  }

  @Test
  void aDrawThatIsNotADrawOfTheContractIsRefusedWithoutShowingTheSeed() {
    String elsewhere = sign(OPERATOR, onTerms(CALLS.drawWinner(SEED).data(), ELSEWHERE));
    String notADraw = sign(OPERATOR, onTerms(CALLS.refundRound().data(), LOTTERY));
    String stranger = sign(STRANGER, onTerms(CALLS.drawWinner(SEED).data(), LOTTERY));

    assertThatThrownBy(() -> check.draw(1, signed(elsewhere), TERMS, OPERATOR.address()))
        .hasMessageContaining("its recipient is " + ELSEWHERE)
        .hasMessageNotContaining("55".repeat(32));
    assertThatThrownBy(() -> check.draw(1, signed(notADraw), TERMS, OPERATOR.address()))
        .hasMessageContaining("it does not call drawWinner(bytes32)");
    assertThatThrownBy(() -> check.draw(1, signed(stranger), TERMS, OPERATOR.address()))
        .hasMessageContaining("it is signed by " + STRANGER.address())
        .hasMessageNotContaining("55".repeat(32));
  }

  private static SignedTransaction signed(String raw) {
    return new SignedTransaction(raw, Hash.sha3(raw));
  }
}
