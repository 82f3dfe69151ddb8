package io.enclavelottery.enclave.signer;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.signer.DrawSeed;
import io.enclavelottery.chain.signer.LocalKeySigner;
import io.enclavelottery.enclave.nsm.Nsm;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.transaction.type.Transaction1559;

/**
 * The signer's core: it holds the operator key ({@link OperatorKeyCustody}) and the rounds' seeds
 * ({@link RoundSeeds}), builds and signs {@code commitSeed} and {@code drawWinner} itself, and
 * signs other operator calls under the {@link SigningPolicy}. It trusts only its own state and its
 * own {@link Clock}; nothing the caller says about the chain. One lock serialises every decision,
 * so the policy's checks and the state they change cannot interleave.
 *
 * <p>Logs name functions, rounds and nonces; never a key, a seed or call data.
 */
public final class EnclaveSigner {

  private static final Logger LOG = LoggerFactory.getLogger(EnclaveSigner.class);

  private final SignerSettings settings;
  private final OperatorKeyCustody keys;
  private final Nsm nsm;
  private final Clock clock;
  private final LotteryCalls calls;
  private final RoundSeeds seeds;
  private final NonceLedger nonces = new NonceLedger();
  private final SigningPolicy policy;

  /**
   * @param settings the chain, contract, caps and release margin
   * @param keys the operator key's custody
   * @param nsm the source of the seeds' randomness
   * @param clock the signer's own clock, the only time it trusts
   */
  public EnclaveSigner(SignerSettings settings, OperatorKeyCustody keys, Nsm nsm, Clock clock) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.keys = Objects.requireNonNull(keys, "keys");
    this.nsm = Objects.requireNonNull(nsm, "nsm");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.calls = new LotteryCalls(settings.contract());
    this.seeds = new RoundSeeds(settings.releaseMargin());
    this.policy = new SigningPolicy(settings, seeds, nonces);
  }

  public SignerSettings settings() {
    return settings;
  }

  public OperatorKeyCustody keys() {
    return keys;
  }

  /**
   * Signs an operator call, or a payout to the configured address, under the {@link SigningPolicy}.
   *
   * @param envelope the unsigned EIP-1559 transaction, {@code 0x02 ‖ rlp([...])}
   * @throws SignerRefusal with the reason when it is not signed
   */
  public synchronized SignedTransaction sign(byte[] envelope) {
    Objects.requireNonNull(envelope, "envelope");
    RawTransaction transaction = UnsignedTransaction.decode(envelope);
    LocalKeySigner signer = new LocalKeySigner(keys.key());
    SignedRequest request = policy.check(transaction);
    Transaction1559 tx = (Transaction1559) transaction.getTransaction();
    nonces.record(tx.getNonce(), tx.getTo(), tx.getValue(), tx.getData(), request.name());
    if (request instanceof OperatorCall call) {
      switch (call.function()) {
        case START_ROUND -> seeds.startRoundSigned();
        case EXTEND_BETTING_TIME ->
            seeds.extensionSigned(Instant.ofEpochSecond(call.arguments().get(0).longValueExact()));
        default -> {
          // the other calls change nothing the signer keeps
        }
      }
    }
    LOG.info("signed {} at nonce {}", request.name(), tx.getNonce());
    return signed(signer, transaction);
  }

  /**
   * The signed {@code commitSeed(commitment, endTime)} of {@code roundId}, with a seed generated
   * now from the NSM (or the one already committed for the round: asking again gives the same
   * commitment, e.g. to replace a stuck transaction with higher fees).
   *
   * @param endTime the round's end time; the contract rejects a commitment whose end time is not
   *     the round's, so a wrong one only yields a commitment that fails
   * @throws SignerRefusal when the end time has passed by the signer's clock, the round was
   *     committed with another end time, its seed was released, the nonce carries another payload
   *     or the fees exceed the caps
   */
  public synchronized SeedCommitment commit(long roundId, Instant endTime, TransactionTerms terms) {
    checkRound(roundId);
    Objects.requireNonNull(endTime, "endTime");
    Objects.requireNonNull(terms, "terms");
    settings.feeCaps().check(terms);
    LocalKeySigner signer = new LocalKeySigner(keys.key());
    DrawSeed seed = seeds.seedToCommit(roundId, endTime, () -> DrawSeed.of(nsm.random(32)));
    Instant now = clock.instant();
    if (now.isAfter(endTime)) {
      // the contract takes a commitment only while betting is open; if the chain still says it
      // is, its clock lags ours, and a seed committed now could be released while bets are taken
      throw SignerRefusal.forbidden(
          "round "
              + roundId
              + "'s end time "
              + endTime
              + " has passed by the signer's clock ("
              + now
              + "); it commits only before the end");
    }
    Hex32 commitment =
        Hex32.of(
            seed.commitment(settings.chainId(), settings.contract(), BigInteger.valueOf(roundId)));
    String data = calls.commitSeed(commitment, endTime).data();
    nonces.claim(terms.nonce(), settings.contract(), BigInteger.ZERO, data, "commitSeed");
    seeds.committed(roundId, endTime, seed);
    LOG.info(
        "signed commitSeed of round {} (end time {}) at nonce {}",
        roundId,
        endTime.getEpochSecond(),
        terms.nonce());
    return new SeedCommitment(roundId, commitment, signed(signer, transaction(data, terms)));
  }

  /**
   * The signed {@code drawWinner(seed)} of {@code roundId}, which releases the seed: only once the
   * signer's own clock is past the committed end time, every extension signed while the seed was
   * held, and the margin.
   *
   * @throws SignerRefusal ({@link SignerRefusal.Kind#NOT_FOUND}) when this signer holds no seed for
   *     the round; otherwise when it is too early, the nonce carries another payload or the fees
   *     exceed the caps
   */
  public synchronized SignedTransaction draw(long roundId, TransactionTerms terms) {
    checkRound(roundId);
    Objects.requireNonNull(terms, "terms");
    settings.feeCaps().check(terms);
    LocalKeySigner signer = new LocalKeySigner(keys.key());
    DrawSeed seed = seeds.seedToRelease(roundId, clock.instant());
    String data = calls.drawWinner(Hex32.of(seed.bytes())).data();
    nonces.claim(terms.nonce(), settings.contract(), BigInteger.ZERO, data, "drawWinner");
    seeds.released(roundId);
    LOG.info("signed drawWinner of round {} at nonce {}", roundId, terms.nonce());
    return signed(signer, transaction(data, terms));
  }

  /** What the signer holds, for {@code GET /status} (no key, no seed). */
  public synchronized SignerStatus status() {
    return new SignerStatus(
        keys.operatorAddress(),
        settings.chainId(),
        settings.contract(),
        keys.generated() ? "generated" : keys.ready() ? "injected" : "awaiting-injection",
        keys.ready(),
        nsm.secure(),
        clock.instant().getEpochSecond(),
        seeds.states());
  }

  private RawTransaction transaction(String data, TransactionTerms terms) {
    return RawTransaction.createTransaction(
        settings.chainId(),
        terms.nonce(),
        terms.gasLimit(),
        settings.contract(),
        BigInteger.ZERO,
        data,
        terms.fees().maxPriorityFeePerGas(),
        terms.fees().maxFeePerGas());
  }

  private SignedTransaction signed(LocalKeySigner signer, RawTransaction transaction) {
    String raw = signer.signTransaction(transaction, settings.chainId());
    return new SignedTransaction(raw, Hash.sha3(raw));
  }

  private static void checkRound(long roundId) {
    if (roundId <= 0) {
      throw SignerRefusal.malformed("round ids start at 1, not " + roundId);
    }
  }
}
