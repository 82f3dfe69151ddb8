package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.devnet.Opened;
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
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
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

  @AutoClose private final Opened opened = new Opened();
  private final AtomicInteger startedOver = new AtomicInteger();
  private final InMemoryLotteryContract contract = new InMemoryLotteryContract(LOTTERY);

  private InProcessSigner generated() {
    return opened.add(new InProcessSigner()).serve(CHAIN_ID, LOTTERY);
  }

  private InProcessSigner injected() {
    return inject(opened.add(new InProcessSigner(OPERATOR.address())).serve(CHAIN_ID, LOTTERY));
  }

  /** {@code old} stopped and {@code fresh} served on its ports. */
  private InProcessSigner restart(InProcessSigner old, InProcessSigner fresh) {
    return old.restartAs(opened.add(fresh), CHAIN_ID, LOTTERY);
  }

  private static InProcessSigner inject(InProcessSigner signer) {
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
    return AttestedSigner.connect(
        host.inFrontOf(signer.signing(true)), CHAIN_ID, contract, startedOver::incrementAndGet);
  }

  private TamperingSigningPort host(InProcessSigner signer) throws IOException {
    return opened.add(new TamperingSigningPort(signer.signingUrl()));
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
    InProcessSigner signer = generated();
    operatorOnChain("0x" + "44".repeat(20));

    assertThatThrownBy(() -> attest(signer))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("the contract's operator is 0x4444");
  }

  @Test
  void signsForTheAttestedOperatorWhileTheSignerKeepsRunning() {
    InProcessSigner signer = generated();
    operatorOnChain(signer.operator());
    AttestedSigner attested = attest(signer);

    assertThat(attested.address()).isEqualTo(signer.operator());
    String raw = attested.signTransaction(startRound(0), CHAIN_ID);
    assertThat(raw).startsWith("0x02");
    assertThat(TransactionDecoder.decode(raw).getTo()).isEqualToIgnoringCase(LOTTERY);
  }

  @Test
  void aRestartedSignerWithANewKeyIsRefusedBeforeAnythingIsSigned() {
    InProcessSigner first = generated();
    operatorOnChain(first.operator());
    AttestedSigner attested = attest(first);
    InProcessSigner second = restart(first, new InProcessSigner());

    assertThatThrownBy(() -> attested.signTransaction(startRound(0), CHAIN_ID))
        .isInstanceOf(SigningException.class)
        .hasMessageContaining("restarted and is not attested again")
        .hasMessageContaining("the signer signs for " + second.operator());
  }

  @Test
  void aRefusedRestartIsReportedUntilTheSignerPassesAgain() {
    operatorOnChain(OPERATOR.address());
    InProcessSigner first = injected();
    AttestedSigner attested = attest(first);
    // back, but waiting for a key this keeper does not have to give
    InProcessSigner waiting = restart(first, new InProcessSigner(OPERATOR.address()));

    assertThatThrownBy(() -> attested.signTransaction(startRound(0), CHAIN_ID))
        .isInstanceOf(SigningException.class);
    assertThat(attested.refusal()).hasValueSatisfying(why -> assertThat(why).contains("waits"));

    inject(waiting);
    assertThat(attested.signTransaction(startRound(0), CHAIN_ID)).startsWith("0x02");
    assertThat(attested.refusal()).isEmpty();
    assertThat(startedOver).hasValue(0);
  }

  @Test
  void aSignerRestartedAsTheContractsNewOperatorMakesTheKeeperStartOver() {
    InProcessSigner first = generated();
    operatorOnChain(first.operator());
    AttestedSigner attested = attest(first);
    InProcessSigner second = restart(first, new InProcessSigner());
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
    InProcessSigner first = injected();
    AttestedSigner attested = attest(first);
    String firstInjectionKey = attested.attestation().injectionKey();
    inject(restart(first, new InProcessSigner(OPERATOR.address())));

    assertThat(attested.signTransaction(startRound(0), CHAIN_ID)).startsWith("0x02");
    assertThat(attested.attestation().injectionKey()).isNotEqualTo(firstInjectionKey);
  }

  @Test
  void aSignatureFromAnotherKeyIsRefused() throws IOException {
    operatorOnChain(OPERATOR.address());
    InProcessSigner signer = injected();
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
    InProcessSigner signer = injected();
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
    InProcessSigner signer = injected();
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
    InProcessSigner signer = injected();
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
