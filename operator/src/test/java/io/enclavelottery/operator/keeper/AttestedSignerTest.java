package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.signer.SigningException;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.enclave.client.AttestationClient;
import io.enclavelottery.enclave.client.KeyInjectionClient;
import io.enclavelottery.enclave.client.RemoteSigner;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;

/**
 * The keeper signs through the enclave signer only while it is attested: a restart (a new injection
 * key) makes it attest again before anything is signed.
 */
class AttestedSignerTest {

  private static final long CHAIN_ID = 31337;
  private static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** Anvil's dev account 1 (public test data): the operator of the injected-key cases. */
  private static final SigningKey OPERATOR =
      SigningKey.fromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  private final List<InProcessSigner> started = new ArrayList<>();
  private final AtomicReference<String> contractOperator = new AtomicReference<>();

  @AfterEach
  void stop() {
    started.forEach(InProcessSigner::close);
  }

  private InProcessSigner generated(int signingPort, int attestationPort) {
    InProcessSigner signer = new InProcessSigner();
    started.add(signer);
    return signer.serve(CHAIN_ID, LOTTERY, signingPort, attestationPort);
  }

  private InProcessSigner injected(int signingPort, int attestationPort) {
    InProcessSigner signer = new InProcessSigner(OPERATOR.address());
    started.add(signer);
    signer.serve(CHAIN_ID, LOTTERY, signingPort, attestationPort);
    KeyInjectionClient client =
        new KeyInjectionClient(signer.signingUrl(), TIMEOUT, new SecureRandom());
    client.inject(OPERATOR, client.publicKey());
    return signer;
  }

  private AttestedSigner attest(InProcessSigner signer) {
    OperatorSigning.Enclave config = signer.signing(true);
    return AttestedSigner.attest(
        new RemoteSigner(config.signingUrl(), TIMEOUT),
        new KeyInjectionClient(config.signingUrl(), TIMEOUT, new SecureRandom()),
        new SignerAttestationCheck(
            config,
            CHAIN_ID,
            LOTTERY,
            contractOperator::get,
            new AttestationClient(config.attestationUrl(), TIMEOUT),
            Clock.systemUTC()));
  }

  private static RawTransaction startRound(long nonce) {
    return RawTransaction.createTransaction(
        CHAIN_ID,
        BigInteger.valueOf(nonce),
        BigInteger.valueOf(100_000),
        LOTTERY,
        BigInteger.ZERO,
        new LotteryCalls(LOTTERY).startRound().data(),
        BigInteger.ONE,
        BigInteger.TEN.pow(10));
  }

  @Test
  void aFirstAttestationThatFailsGivesNoSigner() {
    InProcessSigner signer = generated(0, 0);
    contractOperator.set("0x" + "44".repeat(20));

    assertThatThrownBy(() -> attest(signer))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("the contract's operator is 0x4444");
  }

  @Test
  void signsForTheAttestedOperatorWhileTheSignerKeepsRunning() {
    InProcessSigner signer = generated(0, 0);
    contractOperator.set(signer.operator());
    AttestedSigner attested = attest(signer);

    assertThat(attested.address()).isEqualTo(signer.operator());
    assertThat(attested.signTransaction(startRound(0), CHAIN_ID)).startsWith("0x02");
  }

  @Test
  void aRestartedSignerWithANewKeyIsRefusedBeforeAnythingIsSigned() {
    InProcessSigner first = generated(0, 0);
    contractOperator.set(first.operator());
    AttestedSigner attested = attest(first);
    int signingPort = first.signingPort();
    int attestationPort = first.attestationPort();
    first.close();
    InProcessSigner second = generated(signingPort, attestationPort);

    assertThatThrownBy(() -> attested.signTransaction(startRound(0), CHAIN_ID))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("restarted and is not attested again")
        .hasMessageContaining("the signer signs for " + second.operator());
  }

  @Test
  void aRestartedSignerWithTheSameInjectedKeyIsAttestedAgainAndUsed() {
    contractOperator.set(OPERATOR.address());
    InProcessSigner first = injected(0, 0);
    AttestedSigner attested = attest(first);
    String firstInjectionKey = attested.attestation().injectionKey();
    int signingPort = first.signingPort();
    int attestationPort = first.attestationPort();
    first.close();
    injected(signingPort, attestationPort);

    assertThat(attested.signTransaction(startRound(0), CHAIN_ID)).startsWith("0x02");
    assertThat(attested.attestation().injectionKey()).isNotEqualTo(firstInjectionKey);
  }
}
