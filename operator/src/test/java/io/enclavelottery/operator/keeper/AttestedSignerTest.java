package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.signer.LocalKeySigner;
import io.enclavelottery.chain.signer.SigningException;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.Fees;
import io.enclavelottery.enclave.client.KeyInjectionClient;
import io.enclavelottery.enclave.signer.TransactionTerms;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;

/**
 * The keeper signs through the enclave signer only while it is attested: a restart (a new injection
 * key) makes it attest again before anything is signed, and whatever the signing port hands back
 * must come from the attested operator and be what was asked for.
 */
class AttestedSignerTest {

  private static final long CHAIN_ID = 31337;
  private static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final Fees FEES = new Fees(BigInteger.TEN.pow(10), BigInteger.TEN.pow(9));
  private static final TransactionTerms TERMS =
      new TransactionTerms(BigInteger.ZERO, BigInteger.valueOf(100_000), FEES);

  /** Anvil's dev account 1 (public test data): the operator of the injected-key cases. */
  private static final SigningKey OPERATOR =
      SigningKey.fromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  /** Anvil's dev account 0 (public test data): a key the attested signer does not hold. */
  private static final SigningKey STRANGER =
      SigningKey.fromHex("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  private final List<AutoCloseable> started = new ArrayList<>();
  private final AtomicInteger startedOver = new AtomicInteger();
  private final InMemoryLotteryContract contract = new InMemoryLotteryContract(LOTTERY);

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : started) {
      closeable.close();
    }
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

  private void operatorOnChain(String operator) {
    contract.putSettings(InMemoryLotteryContract.defaultSettings(operator));
  }

  private AttestedSigner attest(InProcessSigner signer) {
    return AttestedSigner.connect(
        signer.signing(true), CHAIN_ID, contract, startedOver::incrementAndGet);
  }

  /** The signer with a host in between that answers some of its paths itself. */
  private AttestedSigner attestBehind(TamperingSigningPort host, InProcessSigner signer) {
    OperatorSigning.Enclave direct = signer.signing(true);
    OperatorSigning.Enclave behind =
        new OperatorSigning.Enclave(
            host.url(),
            direct.attestationUrl(),
            direct.expectedPcrs(),
            true,
            TIMEOUT,
            Optional.empty());
    return AttestedSigner.connect(behind, CHAIN_ID, contract, startedOver::incrementAndGet);
  }

  private TamperingSigningPort host(InProcessSigner signer) throws IOException {
    TamperingSigningPort host = new TamperingSigningPort(signer.signingUrl());
    started.add(host);
    return host;
  }

  private static RawTransaction startRound(long nonce) {
    return startRound(nonce, LOTTERY);
  }

  private static RawTransaction startRound(long nonce, String to) {
    return RawTransaction.createTransaction(
        CHAIN_ID,
        BigInteger.valueOf(nonce),
        BigInteger.valueOf(100_000),
        to,
        BigInteger.ZERO,
        new LotteryCalls(LOTTERY).startRound().data(),
        FEES.maxPriorityFeePerGas(),
        FEES.maxFeePerGas());
  }

  private static RawTransaction call(String data, TransactionTerms terms, String to) {
    return RawTransaction.createTransaction(
        CHAIN_ID,
        terms.nonce(),
        terms.gasLimit(),
        to,
        BigInteger.ZERO,
        data,
        terms.fees().maxPriorityFeePerGas(),
        terms.fees().maxFeePerGas());
  }

  private static Map<String, Object> signedBy(SigningKey key, RawTransaction transaction) {
    String raw = new LocalKeySigner(key).signTransaction(transaction, CHAIN_ID);
    return Map.of("transaction", raw, "hash", Hash.sha3(raw));
  }

  @Test
  void aFirstAttestationThatFailsGivesNoSigner() {
    InProcessSigner signer = generated(0, 0);
    operatorOnChain("0x" + "44".repeat(20));

    assertThatThrownBy(() -> attest(signer))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("the contract's operator is 0x4444");
  }

  @Test
  void signsForTheAttestedOperatorWhileTheSignerKeepsRunning() {
    InProcessSigner signer = generated(0, 0);
    operatorOnChain(signer.operator());
    AttestedSigner attested = attest(signer);

    assertThat(attested.address()).isEqualTo(signer.operator());
    String raw = attested.signTransaction(startRound(0), CHAIN_ID);
    assertThat(raw).startsWith("0x02");
    assertThat(TransactionDecoder.decode(raw).getTo()).isEqualToIgnoringCase(LOTTERY);
  }

  @Test
  void aRestartedSignerWithANewKeyIsRefusedBeforeAnythingIsSigned() {
    InProcessSigner first = generated(0, 0);
    operatorOnChain(first.operator());
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
  void aRefusedRestartIsReportedUntilTheSignerPassesAgain() {
    operatorOnChain(OPERATOR.address());
    InProcessSigner first = injected(0, 0);
    AttestedSigner attested = attest(first);
    int signingPort = first.signingPort();
    int attestationPort = first.attestationPort();
    first.close();
    // back, but waiting for a key this keeper does not have to give
    InProcessSigner waiting = new InProcessSigner(OPERATOR.address());
    started.add(waiting);
    waiting.serve(CHAIN_ID, LOTTERY, signingPort, attestationPort);

    assertThatThrownBy(() -> attested.signTransaction(startRound(0), CHAIN_ID))
        .isInstanceOf(SigningException.class);
    assertThat(attested.refusal()).hasValueSatisfying(why -> assertThat(why).contains("waits"));

    KeyInjectionClient client =
        new KeyInjectionClient(waiting.signingUrl(), TIMEOUT, new SecureRandom());
    client.inject(OPERATOR, client.publicKey());
    assertThat(attested.signTransaction(startRound(0), CHAIN_ID)).startsWith("0x02");
    assertThat(attested.refusal()).isEmpty();
    assertThat(startedOver).hasValue(0);
  }

  @Test
  void aSignerRestartedAsTheContractsNewOperatorMakesTheKeeperStartOver() {
    InProcessSigner first = generated(0, 0);
    operatorOnChain(first.operator());
    AttestedSigner attested = attest(first);
    int signingPort = first.signingPort();
    int attestationPort = first.attestationPort();
    first.close();
    InProcessSigner second = generated(signingPort, attestationPort);
    // the publisher proposed and activated the new signer's address
    operatorOnChain(second.operator());

    assertThatThrownBy(() -> attested.signTransaction(startRound(0), CHAIN_ID))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("now signs for " + second.operator())
        .hasMessageContaining("starts over");
    assertThat(startedOver).hasValue(1);
    assertThat(attested.address()).isEqualTo(first.operator());
  }

  @Test
  void aRestartedSignerWithTheSameInjectedKeyIsAttestedAgainAndUsed() {
    operatorOnChain(OPERATOR.address());
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

  @Test
  void aSignatureFromAnotherKeyIsRefused() throws IOException {
    operatorOnChain(OPERATOR.address());
    InProcessSigner signer = injected(0, 0);
    TamperingSigningPort host = host(signer);
    AttestedSigner attested = attestBehind(host, signer);
    host.forge("sign", request -> signedBy(STRANGER, startRound(0)));

    assertThatThrownBy(() -> attested.signTransaction(startRound(0), CHAIN_ID))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("it is signed by " + STRANGER.address())
        .hasMessageContaining("not by the attested operator " + OPERATOR.address())
        .hasMessageContaining("not sent");
  }

  @Test
  void aPayloadSwappedByTheHostIsRefused() throws IOException {
    operatorOnChain(OPERATOR.address());
    InProcessSigner signer = injected(0, 0);
    TamperingSigningPort host = host(signer);
    AttestedSigner attested = attestBehind(host, signer);
    String other = "0x" + "66".repeat(20);
    host.forge("sign", request -> signedBy(OPERATOR, startRound(0, other)));

    assertThatThrownBy(() -> attested.signTransaction(startRound(0), CHAIN_ID))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("its recipient is " + other + ", not " + LOTTERY);
  }

  @Test
  void aCommitmentToAnotherAddressIsRefused() throws IOException {
    operatorOnChain(OPERATOR.address());
    InProcessSigner signer = injected(0, 0);
    TamperingSigningPort host = host(signer);
    AttestedSigner attested = attestBehind(host, signer);
    Instant end = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    Hex32 commitment = Hex32.parse("0x" + "77".repeat(32));
    String other = "0x" + "66".repeat(20);
    String data = new LotteryCalls(LOTTERY).commitSeed(commitment, end).data();
    host.forge(
        "commit",
        request -> {
          Map<String, Object> answer = new HashMap<>(signedBy(OPERATOR, call(data, TERMS, other)));
          answer.put("roundId", 1);
          answer.put("commitment", commitment.hex());
          return answer;
        });

    assertThatThrownBy(() -> attested.commit(1, end, TERMS))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("commitSeed of round 1")
        .hasMessageContaining("its recipient is " + other + ", not " + LOTTERY);
  }

  @Test
  void aDrawFromAnotherKeyIsRefused() throws IOException {
    operatorOnChain(OPERATOR.address());
    InProcessSigner signer = injected(0, 0);
    TamperingSigningPort host = host(signer);
    AttestedSigner attested = attestBehind(host, signer);
    String data = new LotteryCalls(LOTTERY).drawWinner(Hex32.parse("0x" + "55".repeat(32))).data();
    host.forge("draw", request -> signedBy(STRANGER, call(data, TERMS, LOTTERY)));

    assertThatThrownBy(() -> attested.draw(1, TERMS))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("drawWinner of round 1")
        .hasMessageContaining("it is signed by " + STRANGER.address())
        .hasMessageNotContaining("55".repeat(32));
  }
}
