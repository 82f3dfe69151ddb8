package io.enclavelottery.chain.tx;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.signer.LocalKeySigner;
import io.enclavelottery.chain.signer.Signer;
import io.enclavelottery.chain.signer.SigningException;
import io.enclavelottery.chain.signer.SigningKey;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.transaction.type.Transaction1559;

/**
 * A signer that, like the enclave signer, signs one payload per nonce for good and builds some
 * transactions itself: ordinary calls through {@link Signer}, built ones through {@link #built}. It
 * refuses a second, different payload at a nonce, which is how a sender that numbers built
 * transactions apart from its own would be caught.
 */
final class PayloadPerNonceSigner implements Signer {

  /** One signature: the nonce, the payload and the terms. */
  record Signature(BigInteger nonce, String function, BigInteger gasLimit, Fees fees) {}

  private final LocalKeySigner key;
  private final Map<BigInteger, String> payloadAt = new HashMap<>();
  final List<Signature> signatures = new ArrayList<>();
  volatile Optional<String> refusal = Optional.empty();

  PayloadPerNonceSigner(SigningKey key) {
    this.key = new LocalKeySigner(key);
  }

  @Override
  public String address() {
    return key.address();
  }

  @Override
  public synchronized String signTransaction(RawTransaction transaction, long chainId) {
    Transaction1559 tx = (Transaction1559) transaction.getTransaction();
    claim(tx.getNonce(), tx.getTo() + "|" + tx.getData(), "call", tx.getGasLimit(), fees(tx));
    return key.signTransaction(transaction, chainId);
  }

  /**
   * A transaction this signer builds: {@code data} to {@code to}, with a stand-in to simulate if
   * given, else signed with {@code gasLimit}.
   */
  SignerBuiltCall built(
      String function,
      String to,
      String data,
      Optional<ContractCall> standIn,
      BigInteger gasLimit) {
    return new SignerBuiltCall() {
      @Override
      public String function() {
        return function;
      }

      @Override
      public Optional<ContractCall> standIn() {
        return standIn;
      }

      @Override
      public BigInteger gasLimit() {
        return gasLimit;
      }

      @Override
      public String sign(BigInteger nonce, BigInteger limit, Fees fees) {
        synchronized (PayloadPerNonceSigner.this) {
          claim(nonce, to + "|" + data, function, limit, fees);
          return key.signTransaction(
              RawTransaction.createTransaction(
                  FakeChain.CHAIN_ID,
                  nonce,
                  limit,
                  to,
                  BigInteger.ZERO,
                  data,
                  fees.maxPriorityFeePerGas(),
                  fees.maxFeePerGas()),
              FakeChain.CHAIN_ID);
        }
      }
    };
  }

  private void claim(
      BigInteger nonce, String payload, String function, BigInteger gasLimit, Fees fees) {
    if (refusal.isPresent()) {
      throw new SigningException(refusal.get());
    }
    String previous = payloadAt.putIfAbsent(nonce, payload);
    if (previous != null && !previous.equals(payload)) {
      throw new SigningException("nonce " + nonce + " was already signed for another payload");
    }
    signatures.add(new Signature(nonce, function, gasLimit, fees));
  }

  private static Fees fees(Transaction1559 tx) {
    return new Fees(tx.getMaxFeePerGas(), tx.getMaxPriorityFeePerGas());
  }
}
