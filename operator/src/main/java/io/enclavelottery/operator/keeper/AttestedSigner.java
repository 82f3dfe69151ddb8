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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.RawTransaction;

/**
 * The enclave signer, used only while attested: before every signature it reads the signer's
 * key-injection public key, which a signer makes anew at each start, and when that differs from the
 * attested one (the signer restarted) it attests again before asking for anything. A signer that
 * fails the check, or now signs for another operator, is refused with the reason, so nothing is
 * sent.
 */
final class AttestedSigner implements Signer {

  private static final Logger LOG = LoggerFactory.getLogger(AttestedSigner.class);

  private final RemoteSigner remote;
  private final KeyInjectionClient identity;
  private final SignerAttestationCheck check;
  private volatile SignerAttestationCheck.Verdict.Attested attested;

  private AttestedSigner(
      RemoteSigner remote,
      KeyInjectionClient identity,
      SignerAttestationCheck check,
      SignerAttestationCheck.Verdict.Attested attested) {
    this.remote = remote;
    this.identity = identity;
    this.check = check;
    this.attested = attested;
  }

  /**
   * The signer, once a first attestation passed.
   *
   * @throws SigningException with the reason when it did not
   */
  static AttestedSigner attest(
      RemoteSigner remote, KeyInjectionClient identity, SignerAttestationCheck check) {
    SignerAttestationCheck.Verdict verdict = check.check();
    if (verdict instanceof SignerAttestationCheck.Verdict.Refused refused) {
      throw new SigningException(refused.reason());
    }
    SignerAttestationCheck.Verdict.Attested attested =
        (SignerAttestationCheck.Verdict.Attested) verdict;
    log(attested);
    return new AttestedSigner(
        Objects.requireNonNull(remote, "remote"),
        Objects.requireNonNull(identity, "identity"),
        check,
        attested);
  }

  /**
   * The enclave signer at {@code enclave}'s URLs, once a first attestation passed: for the lottery
   * {@code contract} on {@code chainId}, whose operator on chain the signer must sign for.
   *
   * @throws SigningException with the reason when it did not pass
   */
  static AttestedSigner connect(
      OperatorSigning.Enclave enclave, long chainId, LotteryContract contract) {
    SignerAttestationCheck check =
        new SignerAttestationCheck(
            enclave,
            chainId,
            contract.address(),
            contract::operator,
            new AttestationClient(enclave.attestationUrl(), enclave.timeout()),
            Clock.systemUTC());
    return attest(
        new RemoteSigner(enclave.signingUrl(), enclave.timeout()),
        new KeyInjectionClient(enclave.signingUrl(), enclave.timeout(), new SecureRandom()),
        check);
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
    return remote.signTransaction(transaction, chainId);
  }

  /** The signer's {@code commitSeed} of {@code roundId}, once it is attested. */
  SeedCommitment commit(long roundId, Instant endTime, TransactionTerms terms) {
    ensureAttested();
    return remote.commit(roundId, endTime, terms);
  }

  /** The signer's {@code drawWinner} of {@code roundId}, once it is attested. */
  SignedTransaction draw(long roundId, TransactionTerms terms) {
    ensureAttested();
    return remote.draw(roundId, terms);
  }

  /** What the signer holds; no attestation needed to read it. */
  SignerStatus status() {
    return remote.status();
  }

  private synchronized void ensureAttested() {
    String current = HexFormat.of().formatHex(identity.publicKey());
    if (current.equals(attested.injectionKey())) {
      return;
    }
    LOG.warn("the enclave signer restarted (its injection key changed); attesting it again");
    SignerAttestationCheck.Verdict verdict = check.check();
    if (verdict instanceof SignerAttestationCheck.Verdict.Refused refused) {
      throw new SigningException(
          "the enclave signer restarted and is not attested again: " + refused.reason());
    }
    SignerAttestationCheck.Verdict.Attested again =
        (SignerAttestationCheck.Verdict.Attested) verdict;
    if (!again.operator().equals(attested.operator())) {
      throw new SigningException(
          "the enclave signer restarted and now signs for "
              + again.operator()
              + ", not "
              + attested.operator()
              + "; restart the keeper once the contract's operator is the new address");
    }
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
