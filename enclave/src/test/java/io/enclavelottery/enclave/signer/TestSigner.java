package io.enclavelottery.enclave.signer;

import io.enclavelottery.chain.tx.Fees;
import io.enclavelottery.chain.tx.MutableClock;
import io.enclavelottery.enclave.nsm.SoftwareNsm;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;

/**
 * An {@link EnclaveSigner} over the software NSM with a generated key and a settable clock, and the
 * transactions tests ask it to sign.
 */
public final class TestSigner {

  public static final long CHAIN_ID = 31337;
  public static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  public static final BigInteger GWEI = BigInteger.TEN.pow(9);
  public static final FeeCaps CAPS =
      new FeeCaps(
          GWEI.multiply(BigInteger.valueOf(100)),
          GWEI.multiply(BigInteger.valueOf(5)),
          BigInteger.valueOf(5_000_000));
  public static final Duration MARGIN = Duration.ofSeconds(30);
  public static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

  /** Where the test signer may send the operator account's ether. */
  public static final String PAYOUT = "0x00000000000000000000000000000000000000b0";

  public final SoftwareNsm nsm;
  public final MutableClock clock = new MutableClock(START);
  public final SignerSettings settings;
  public final OperatorKeyCustody keys;
  public final EnclaveSigner signer;

  private TestSigner(
      SoftwareNsm nsm, OperatorKeyCustody keys, String contract, Optional<String> payout) {
    this.nsm = nsm;
    this.settings = new SignerSettings(CHAIN_ID, contract, CAPS, MARGIN, payout);
    this.keys = keys;
    this.signer = new EnclaveSigner(settings, keys, nsm, clock);
  }

  /** A signer that generated its key, with {@link #PAYOUT} as its payout address. */
  public static TestSigner generated() {
    return generated(Optional.of(PAYOUT));
  }

  /** A signer that generated its key, with the given payout address. */
  public static TestSigner generated(Optional<String> payout) {
    SoftwareNsm nsm = new SoftwareNsm();
    return new TestSigner(nsm, OperatorKeyCustody.generate(new NsmRandom(nsm)), CONTRACT, payout);
  }

  /** A signer waiting for the key of {@code operator}. */
  public static TestSigner awaiting(String operator) {
    return awaiting(operator, CONTRACT);
  }

  /** A signer for {@code contract} waiting for the key of {@code operator}. */
  public static TestSigner awaiting(String operator, String contract) {
    SoftwareNsm nsm = new SoftwareNsm();
    return new TestSigner(
        nsm,
        OperatorKeyCustody.awaitInjection(operator, new NsmRandom(nsm)),
        contract,
        Optional.of(PAYOUT));
  }

  /** Ordinary terms: 10 gwei max fee, 1 gwei tip, 300k gas. */
  public static TransactionTerms terms(long nonce) {
    return terms(nonce, 10);
  }

  public static TransactionTerms terms(long nonce, long maxFeeGwei) {
    return new TransactionTerms(
        BigInteger.valueOf(nonce),
        BigInteger.valueOf(300_000),
        new Fees(GWEI.multiply(BigInteger.valueOf(maxFeeGwei)), GWEI));
  }

  /** The unsigned envelope of a call to {@code to} with {@code data}, on this test's chain. */
  public static byte[] envelope(long nonce, String to, BigInteger value, String data) {
    return TransactionEncoder.encode(
        RawTransaction.createTransaction(
            CHAIN_ID,
            BigInteger.valueOf(nonce),
            BigInteger.valueOf(300_000),
            to,
            value,
            data,
            GWEI,
            GWEI.multiply(BigInteger.TEN)));
  }

  public static byte[] envelope(long nonce, String data) {
    return envelope(nonce, CONTRACT, BigInteger.ZERO, data);
  }
}
