package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.chain.signer.CapturedLogs;
import io.enclavelottery.chain.signer.SigningException;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.Fees;
import io.enclavelottery.enclave.client.KeyInjectionClient;
import io.enclavelottery.enclave.client.RemoteSigner;
import io.enclavelottery.enclave.signer.OperatorKeyCustody;
import io.enclavelottery.enclave.signer.SeedCommitment;
import io.enclavelottery.enclave.signer.TransactionTerms;
import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;
import org.web3j.utils.Numeric;

/**
 * The keeper hands the configured operator key to an enclave signer that waits for one, after each
 * attestation and encrypted to the attested injection key; it refuses, with what to do, whenever
 * the signer would not end up holding the attested operator's key, and the key never shows.
 */
class SignerKeyInjectionTest {

  private static final long CHAIN_ID = 31337;
  private static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  private static final String OPERATOR_HEX =
      "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  private static final String STRANGER_HEX =
      "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  /** Anvil's dev account 1 (public test data): the operator the signer waits for. */
  private static final SigningKey OPERATOR = SigningKey.fromHex(OPERATOR_HEX);

  /** Anvil's dev account 0 (public test data): a key of another address. */
  private static final SigningKey STRANGER = SigningKey.fromHex(STRANGER_HEX);

  @AutoClose private final Opened opened = new Opened();
  private final InMemoryLotteryContract contract =
      new InMemoryLotteryContract(LOTTERY)
          .putSettings(InMemoryLotteryContract.defaultSettings(OPERATOR.address()));
  private final CapturedLogs logs = opened.add(new CapturedLogs());

  private InProcessSigner waiting() {
    return unserved().serve(CHAIN_ID, LOTTERY);
  }

  private InProcessSigner unserved() {
    return opened.add(new InProcessSigner(OPERATOR.address()));
  }

  private AttestedSigner connect(InProcessSigner signer, Optional<SigningKey> key) {
    return AttestedSigner.connect(signer.signing(true, key), CHAIN_ID, contract, () -> {});
  }

  /** The signer behind a host that answers some of its paths itself. */
  private AttestedSigner connect(TamperingSigningPort host, InProcessSigner signer) {
    return AttestedSigner.connect(
        host.inFrontOf(signer.signing(true, Optional.of(OPERATOR))), CHAIN_ID, contract, () -> {});
  }

  private TamperingSigningPort host(InProcessSigner signer) throws IOException {
    return opened.add(new TamperingSigningPort(signer.signingUrl()));
  }

  private static String keyOrigin(InProcessSigner signer) {
    return new RemoteSigner(signer.signingUrl(), TIMEOUT).status().keyOrigin();
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

  /** Nothing the test saw — log lines, refusals — carries either private key. */
  private void assertNoKeyShown(String... messages) {
    List<String> seen = new ArrayList<>(logs.lines());
    seen.addAll(List.of(messages));
    assertThat(seen)
        .noneMatch(line -> line.toLowerCase().contains(OPERATOR_HEX))
        .noneMatch(line -> line.toLowerCase().contains(STRANGER_HEX));
  }

  private static String refusal(Runnable action) {
    try {
      action.run();
    } catch (SigningException e) {
      return e.getMessage();
    }
    throw new AssertionError("no refusal");
  }

  @Test
  void aWaitingSignerIsGivenTheKeyAfterItsAttestationAndThenSignsAndCommits() {
    InProcessSigner signer = waiting();
    assertThat(keyOrigin(signer)).isEqualTo("awaiting-injection");

    AttestedSigner attested = connect(signer, Optional.of(OPERATOR));

    assertThat(keyOrigin(signer)).isEqualTo("injected");
    assertThat(attested.signTransaction(startRound(0), CHAIN_ID)).startsWith("0x02");
    Instant end = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    SeedCommitment commitment =
        attested.commit(
            1,
            end,
            new TransactionTerms(
                BigInteger.ONE,
                BigInteger.valueOf(100_000),
                new Fees(BigInteger.TEN.pow(10), BigInteger.ONE)));
    assertThat(commitment.roundId()).isEqualTo(1);
    assertThat(logs.lines())
        .anyMatch(line -> line.contains("injected the operator key of " + OPERATOR.address()));
    assertNoKeyShown();
  }

  @Test
  void aSignerThatRestartsWaitingIsGivenTheKeyAgainOnceAttestedAgain() {
    InProcessSigner first = waiting();
    AttestedSigner attested = connect(first, Optional.of(OPERATOR));
    String firstInjectionKey = attested.attestation().injectionKey();
    InProcessSigner second = first.restartAs(unserved(), CHAIN_ID, LOTTERY);
    assertThat(keyOrigin(second)).isEqualTo("awaiting-injection");

    assertThat(attested.signTransaction(startRound(0), CHAIN_ID)).startsWith("0x02");

    assertThat(keyOrigin(second)).isEqualTo("injected");
    assertThat(attested.attestation().injectionKey()).isNotEqualTo(firstInjectionKey);
    assertThat(logs.lines())
        .filteredOn(line -> line.contains("injected the operator key"))
        .hasSize(2);
    assertNoKeyShown();
  }

  @Test
  void aKeyOfAnotherAddressIsRefusedBeforeAnythingIsInjected() {
    InProcessSigner signer = waiting();

    String reason = refusal(() -> connect(signer, Optional.of(STRANGER)));

    assertThat(reason)
        .contains("the operator key to inject (keySecretRef) is the key of " + STRANGER.address())
        .contains("signs for " + OPERATOR.address())
        .contains("nothing was injected");
    assertThat(keyOrigin(signer)).isEqualTo("awaiting-injection");
    assertNoKeyShown(reason);
  }

  @Test
  void aWaitingSignerWithoutAConfiguredKeyIsRefusedWithWhatToDo() {
    InProcessSigner signer = waiting();

    String reason = refusal(() -> connect(signer, Optional.empty()));

    assertThat(reason)
        .contains("waits for the key of " + OPERATOR.address())
        .contains("signer.keySecretRef")
        .contains("lottery signer inject-key");
  }

  @Test
  void aSignerThatAlreadyHoldsTheKeyIsNotGivenItAgain() {
    InProcessSigner signer = waiting();
    KeyInjectionClient publisher =
        new KeyInjectionClient(signer.signingUrl(), TIMEOUT, new SecureRandom());
    publisher.inject(OPERATOR, publisher.publicKey());

    // a second injection would be refused by the signer, so connecting proves none was tried
    AttestedSigner attested = connect(signer, Optional.of(OPERATOR));

    assertThat(attested.signTransaction(startRound(0), CHAIN_ID)).startsWith("0x02");
    assertThat(logs.lines()).noneMatch(line -> line.contains("injected the operator key"));
  }

  @Test
  void theKeyIsEncryptedToTheAttestedInjectionKeyNotTheOneTheHostServes() throws IOException {
    InProcessSigner signer = waiting();
    TamperingSigningPort host = host(signer);
    byte[] hostsKey =
        OperatorKeyCustody.awaitInjection(OPERATOR.address(), new SecureRandom())
            .injectionPublicKeyDer();
    host.forge("api/get_pub_key", request -> Map.of("publicKey", Numeric.toHexString(hostsKey)));

    connect(host, signer);

    assertThat(keyOrigin(signer)).isEqualTo("injected");
  }

  @Test
  void anInjectionAnsweredWithAnotherOperatorIsRefused() throws IOException {
    InProcessSigner signer = waiting();
    TamperingSigningPort host = host(signer);
    String other = "0x" + "44".repeat(20);
    host.forge("api/set_operator_key", request -> Map.of("operator", other));

    String reason = refusal(() -> connect(host, signer));

    assertThat(reason)
        .contains("answered the injection of the key of " + OPERATOR.address())
        .contains("with operator " + other);
    assertNoKeyShown(reason);
  }
}
