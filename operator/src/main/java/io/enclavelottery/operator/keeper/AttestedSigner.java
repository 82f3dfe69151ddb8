package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.signer.Signer;
import io.enclavelottery.chain.signer.SigningException;
import io.enclavelottery.enclave.client.AttestationClient;
import io.enclavelottery.enclave.client.KeyInjectionClient;
import io.enclavelottery.enclave.client.RemoteSigner;
import io.enclavelottery.enclave.signer.SeedCommitment;
import io.enclavelottery.enclave.signer.SignedTransaction;
import io.enclavelottery.enclave.signer.SignerStatus;
import io.enclavelottery.enclave.signer.TransactionTerms;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.RawTransaction;

/**
 * The enclave signer, used only while attested: before every signature it reads the signer's
 * key-injection public key, which a signer makes anew at each start, and when that differs from the
 * attested one (the signer restarted) it attests again before asking for anything. After each
 * attestation a signer that waits for its key gets the configured one ({@link SignerKeyInjection});
 * every transaction it hands back must come from the attested operator and be what was asked for
 * ({@link SignedTransactionCheck}), since it could restart between the check and the signature. A
 * signer that fails any of this is refused with the reason, so nothing is sent.
 */
final class AttestedSigner implements Signer {

  private static final Logger LOG = LoggerFactory.getLogger(AttestedSigner.class);

  private final RemoteSigner remote;
  private final KeyInjectionClient identity;
  private final SignerAttestationCheck check;
  private final SignerKeyInjection injection;
  private final SignedTransactionCheck answers;
  private final Runnable onNewOperator;
  private volatile SignerAttestationCheck.Verdict.Attested attested;
  private volatile Optional<String> refusal = Optional.empty();

  private AttestedSigner(
      RemoteSigner remote,
      KeyInjectionClient identity,
      SignerAttestationCheck check,
      SignerKeyInjection injection,
      SignedTransactionCheck answers,
      Runnable onNewOperator) {
    this.remote = remote;
    this.identity = identity;
    this.check = check;
    this.injection = injection;
    this.answers = answers;
    this.onNewOperator = onNewOperator;
  }

  /**
   * The enclave signer at {@code enclave}'s URLs, once a first attestation passed and the signer
   * holds the attested operator's key (injected now when it waited for {@code enclave}'s): for the
   * lottery {@code contract} on {@code chainId}, whose operator on chain the signer must sign for.
   *
   * @param onNewOperator run once the signer restarted with another operator key and attests as the
   *     contract's operator (the publisher switched to it): this signer refuses everything from
   *     then on, and whoever sends through it should start over with a new one
   * @throws SigningException with the reason when it did not pass
   */
  static AttestedSigner connect(
      OperatorSigning.Enclave enclave,
      long chainId,
      LotteryContract contract,
      Runnable onNewOperator) {
    SignerAttestationCheck check =
        new SignerAttestationCheck(
            enclave,
            chainId,
            contract.address(),
            contract::operator,
            new AttestationClient(enclave.attestationUrl(), enclave.timeout()),
            Clock.systemUTC());
    RemoteSigner remote = new RemoteSigner(enclave.signingUrl(), enclave.timeout());
    KeyInjectionClient keyPort =
        new KeyInjectionClient(enclave.signingUrl(), enclave.timeout(), new SecureRandom());
    AttestedSigner signer =
        new AttestedSigner(
            remote,
            keyPort,
            check,
            new SignerKeyInjection(enclave.keyToInject(), keyPort, remote::status),
            new SignedTransactionCheck(chainId, contract.address()),
            Objects.requireNonNull(onNewOperator, "onNewOperator"));
    signer.attestFirst();
    return signer;
  }

  /** The operator address attested at the first check; it never changes for this signer. */
  @Override
  public String address() {
    return attested.operator();
  }

  /** What the last attestation showed. */
  SignerAttestationCheck.Verdict.Attested attestation() {
    return attested;
  }

  /** What the last attestation showed, for status. */
  SignerIdentity identity() {
    SignerAttestationCheck.Verdict.Attested last = attested;
    return new SignerIdentity(last.operator(), last.pcrs(), last.secure());
  }

  @Override
  public String signTransaction(RawTransaction transaction, long chainId) {
    ensureAttested();
    return answers.asked(remote.signTransaction(transaction, chainId), transaction, address());
  }

  /** The signer's {@code commitSeed} of {@code roundId}, once it is attested. */
  SeedCommitment commit(long roundId, Instant endTime, TransactionTerms terms) {
    ensureAttested();
    return answers.commit(remote.commit(roundId, endTime, terms), endTime, terms, address());
  }

  /** The signer's {@code drawWinner} of {@code roundId}, once it is attested. */
  SignedTransaction draw(long roundId, TransactionTerms terms) {
    ensureAttested();
    return answers.draw(roundId, remote.draw(roundId, terms), terms, address());
  }

  /**
   * Looks whether the signer restarted and, if so, attests it again now rather than at the next
   * signature (which a keeper that is no longer the operator never asks for); a refusal is kept for
   * {@link #refusal()} and logged.
   */
  void recheck() {
    try {
      ensureAttested();
    } catch (SigningException e) {
      LOG.warn("the enclave signer is not usable: {}", e.getMessage());
    }
  }

  /**
   * Why the signer is not used now, when its last restart was not attested again (cleared once it
   * is): for status.
   */
  Optional<String> refusal() {
    return refusal;
  }

  /** What the signer holds; no attestation needed to read it. */
  SignerStatus status() {
    return remote.status();
  }

  private void attestFirst() {
    SignerAttestationCheck.Verdict verdict = check.check();
    if (verdict instanceof SignerAttestationCheck.Verdict.Refused refused) {
      throw new SigningException(refused.reason());
    }
    SignerAttestationCheck.Verdict.Attested first =
        (SignerAttestationCheck.Verdict.Attested) verdict;
    injection.ensureKey(first);
    log(first);
    attested = first;
  }

  private synchronized void ensureAttested() {
    String current = HexFormat.of().formatHex(identity.publicKey());
    if (current.equals(attested.injectionKey())) {
      return;
    }
    LOG.warn("the enclave signer restarted (its injection key changed); attesting it again");
    try {
      attestAgain();
      refusal = Optional.empty();
    } catch (SigningException e) {
      refusal = Optional.of(e.getMessage());
      throw e;
    }
  }

  private void attestAgain() {
    SignerAttestationCheck.Verdict verdict = check.check();
    if (verdict instanceof SignerAttestationCheck.Verdict.Refused refused) {
      throw new SigningException(
          "the enclave signer restarted and is not attested again: " + refused.reason());
    }
    SignerAttestationCheck.Verdict.Attested again =
        (SignerAttestationCheck.Verdict.Attested) verdict;
    if (!again.operator().equals(attested.operator())) {
      // attested, so the contract's operator is already the new address: start over with it
      onNewOperator.run();
      throw new SigningException(
          "the enclave signer restarted and now signs for "
              + again.operator()
              + ", the contract's operator, not "
              + attested.operator()
              + "; the keeper starts over with it");
    }
    // recorded only once it holds the key: a failed injection is tried again at the next call
    injection.ensureKey(again);
    log(again);
    attested = again;
  }

  private static void log(SignerAttestationCheck.Verdict.Attested attested) {
    if (attested.secure()) {
      LOG.info(
          "enclave signer attested: operator {}, PCRs {}", attested.operator(), attested.pcrs());
    } else {
      LOG.warn(
          "enclave signer attested on the software NSM (NOT SECURE, development only): operator {}",
          attested.operator());
    }
  }

  @Override
  public String toString() {
    return "AttestedSigner[" + remote + ", operator " + attested.operator() + "]";
  }
}
