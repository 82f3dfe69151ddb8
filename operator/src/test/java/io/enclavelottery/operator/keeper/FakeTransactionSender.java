package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.tx.Fees;
import io.enclavelottery.chain.tx.Precondition;
import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.chain.tx.SentTransaction;
import io.enclavelottery.chain.tx.SignerBuiltCall;
import io.enclavelottery.chain.tx.TransactionSender;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A {@link TransactionSender} that checks the precondition like the real one, records what it would
 * send, and answers what the test scripts (by default: mined in block 101).
 */
final class FakeTransactionSender implements TransactionSender {

  private final String address;
  private final List<ContractCall> sent = new CopyOnWriteArrayList<>();
  private volatile Function<ContractCall, SendResult> outcome = call -> mined(call, 101);

  FakeTransactionSender(String address) {
    this.address = address;
  }

  /** What every send answers from now on (after the precondition held). */
  FakeTransactionSender answering(Function<ContractCall, SendResult> answer) {
    outcome = answer;
    return this;
  }

  /** The calls that passed their precondition and were handed to the chain. */
  List<ContractCall> sent() {
    return List.copyOf(sent);
  }

  List<String> sentFunctions() {
    return sent.stream().map(ContractCall::function).toList();
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public SendResult send(ContractCall call, Precondition precondition) {
    if (!precondition.stillNeeded()) {
      return new SendResult.NotNeeded(call.function());
    }
    sent.add(call);
    return outcome.apply(call);
  }

  /** Records a signer-built transaction as a call to its function without data. */
  @Override
  public SendResult send(SignerBuiltCall call, Precondition precondition) {
    return send(
        new ContractCall("signer-built", call.function(), "0x", BigInteger.ZERO), precondition);
  }

  @Override
  public List<SentTransaction> pending() {
    return List.of();
  }

  /** The hash of every transaction this sender reports. */
  static final String HASH = "0x" + "ab".repeat(32);

  static SentTransaction transaction(ContractCall call) {
    Instant now = Instant.now();
    return new SentTransaction(
        HASH,
        call.function(),
        "0x" + "11".repeat(20),
        BigInteger.valueOf(7),
        new Fees(BigInteger.TWO, BigInteger.ONE),
        BigInteger.valueOf(200_000),
        now,
        now,
        0,
        false);
  }

  static SendResult.Mined mined(ContractCall call, long block) {
    SentTransaction sent = transaction(call);
    TransactionReceipt receipt = new TransactionReceipt();
    receipt.setTransactionHash(sent.hash());
    receipt.setBlockNumber(Numeric.toHexStringWithPrefix(BigInteger.valueOf(block)));
    receipt.setStatus("0x1");
    return new SendResult.Mined(sent, receipt);
  }
}
