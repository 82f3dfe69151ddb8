package io.enclavelottery.enclave.client;

import static io.enclavelottery.enclave.signer.TestSigner.CHAIN_ID;
import static io.enclavelottery.enclave.signer.TestSigner.CONTRACT;
import static io.enclavelottery.enclave.signer.TestSigner.MARGIN;
import static io.enclavelottery.enclave.signer.TestSigner.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.signer.LocalKeySigner;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.enclave.attestation.AttestationDocument;
import io.enclavelottery.enclave.signer.SeedCommitment;
import io.enclavelottery.enclave.signer.SignerStatus;
import io.enclavelottery.enclave.signer.TestSigner;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;

/** The signer's HTTP API through its clients and raw requests, on ephemeral loopback ports. */
class SignerHttpTest {

  private static final SigningKey OPERATOR =
      SigningKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  private static final LotteryCalls CALLS = new LotteryCalls(CONTRACT);
  private static final Instant END = TestSigner.START.plusSeconds(600);

  private final RunningSigner running = new RunningSigner(TestSigner.awaiting(OPERATOR.address()));

  @AfterEach
  void stop() {
    running.close();
  }

  @Test
  void anInjectedKeySignsExactlyAsTheKeyItself() {
    inject();
    RawTransaction startRound = startRound(0);

    String remote = running.remoteSigner().signTransaction(startRound, CHAIN_ID);

    assertThat(remote)
        .isEqualTo(new LocalKeySigner(OPERATOR).signTransaction(startRound, CHAIN_ID));
    assertThat(running.remoteSigner().address()).isEqualTo(OPERATOR.address());
  }

  @Test
  void nothingIsSignedBeforeTheKeyIsInjected() {
    assertThatThrownBy(() -> running.remoteSigner().signTransaction(startRound(0), CHAIN_ID))
        .isInstanceOfSatisfying(SignerCallFailed.class, e -> assertThat(e.status()).isEqualTo(503))
        .hasMessageContaining("no operator key yet");
  }

  @Test
  void aRefusalArrivesWithItsReason() {
    inject();
    RawTransaction toAnotherContract =
        RawTransaction.createTransaction(
            CHAIN_ID,
            BigInteger.ZERO,
            BigInteger.valueOf(100_000),
            "0x000000000000000000000000000000000000dead",
            BigInteger.ZERO,
            CALLS.startRound().data(),
            TestSigner.GWEI,
            TestSigner.GWEI.multiply(BigInteger.TEN));

    assertThatThrownBy(() -> running.remoteSigner().signTransaction(toAnotherContract, CHAIN_ID))
        .isInstanceOfSatisfying(SignerCallFailed.class, e -> assertThat(e.status()).isEqualTo(403))
        .hasMessageContaining("signs only calls to " + CONTRACT);
  }

  @Test
  void requestsForRawHashesAreRefusedAndMalformedOnesAreBadRequests() throws Exception {
    inject();

    assertRefused(
        running.post("sign", "{\"hash\":\"0x" + "ab".repeat(32) + "\"}"),
        403,
        "never signs a raw hash or message");
    assertRefused(
        running.post("sign", "{\"chainId\":31337,\"message\":\"hello\"}"),
        403,
        "never signs a raw hash or message");
    assertRefused(running.post("sign", "{not json"), 400, "not JSON");
    assertRefused(running.post("sign", "[]"), 400, "must be a JSON object");
    assertRefused(running.post("sign", "{\"chainId\":31337}"), 400, "missing field 'transaction'");
    assertRefused(
        running.post("sign", "{\"chainId\":31337,\"transaction\":\"0x0\"}"),
        400,
        "even number of hex digits");
    assertRefused(
        running.post("sign", "{\"chainId\":31337,\"transaction\":\"0x02c0ff\"}"),
        400,
        "not a well-formed unsigned EIP-1559 transaction");
    assertRefused(
        running.post("sign", "{\"chainId\":1,\"transaction\":\"0x02\"}"),
        403,
        "signs only for chain 31337");
    assertRefused(running.post("sign", "x".repeat(20_000)), 400, "larger than");
    assertRefused(running.get(running.signingUrl, "nowhere"), 404, "no such endpoint");
  }

  @Test
  void theCallersClaimAboutChainTimeIsNotEvenAccepted() throws Exception {
    inject();
    running.remoteSigner().commit(1, END, terms(0));

    assertRefused(
        running.post(
            "draw",
            "{\"roundId\":1,\"nonce\":1,\"gasLimit\":300000,\"maxFeePerGas\":\"10000000000\","
                + "\"maxPriorityFeePerGas\":\"1000000000\",\"chainTime\":9999999999}"),
        400,
        "unknown field 'chainTime'");
  }

  @Test
  void commitAndDrawThroughTheClient() {
    inject();
    RemoteSigner signer = running.remoteSigner();

    SeedCommitment commitment = signer.commit(1, END, terms(0));
    assertThat(signer.commit(1, END, terms(0)).commitment()).isEqualTo(commitment.commitment());
    assertThatThrownBy(() -> signer.draw(1, terms(1)))
        .isInstanceOfSatisfying(SignerCallFailed.class, e -> assertThat(e.status()).isEqualTo(403))
        .hasMessageContaining("released only after");
    assertThatThrownBy(() -> signer.draw(2, terms(1)))
        .isInstanceOfSatisfying(SignerCallFailed.class, e -> assertThat(e.notHeld()).isTrue());

    running.test.clock.set(END.plus(MARGIN).plusSeconds(1));
    assertThat(signer.draw(1, terms(1)).raw()).startsWith("0x02");

    SignerStatus status = signer.status();
    assertThat(status.operator()).isEqualTo(OPERATOR.address());
    assertThat(status.keyOrigin()).isEqualTo("injected");
    assertThat(status.secure()).isFalse();
    assertThat(status.seeds())
        .containsExactly(
            new SignerStatus.Seed(
                1, END.getEpochSecond(), END.plus(MARGIN).getEpochSecond(), true));
  }

  @Test
  void theAttestationBindsOperatorChainContractNonceAndInjectionKey() {
    byte[] nonce = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    AttestationDocument document =
        AttestationDocument.parse(running.attestationClient().fetch(nonce));

    assertThat(new String(document.userData().orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"v\":1,\"operator\":\""
                + OPERATOR.address()
                + "\",\"chainId\":31337,\"contract\":\""
                + CONTRACT
                + "\",\"secure\":false,\"payout\":\""
                + TestSigner.PAYOUT
                + "\"}");
    assertThat(document.nonce()).contains(nonce);
    assertThat(document.publicKey().orElseThrow()).isEqualTo(injection().publicKey());
    assertThat(document.moduleId()).startsWith("software-nsm-");
  }

  @Test
  void aBadNonceIsABadRequest() throws Exception {
    for (String query :
        new String[] {"", "?nonce=", "?nonce=abc", "?nonce=zz", "?nonce=" + "00".repeat(65)}) {
      assertRefused(running.get(running.attestationUrl, "attestation" + query), 400, "nonce");
    }
    assertRefused(running.get(running.attestationUrl, "sign"), 404, "no such endpoint");
  }

  private void inject() {
    KeyInjectionClient injection = injection();
    assertThat(injection.inject(OPERATOR, injection.publicKey())).isEqualTo(OPERATOR.address());
  }

  private KeyInjectionClient injection() {
    return new KeyInjectionClient(running.signingUrl, RunningSigner.TIMEOUT, new SecureRandom());
  }

  private static RawTransaction startRound(long nonce) {
    return RawTransaction.createTransaction(
        CHAIN_ID,
        BigInteger.valueOf(nonce),
        BigInteger.valueOf(100_000),
        CONTRACT,
        BigInteger.ZERO,
        CALLS.startRound().data(),
        TestSigner.GWEI,
        TestSigner.GWEI.multiply(BigInteger.TEN));
  }

  private static void assertRefused(HttpResponse<String> response, int status, String reason) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(response.body()).startsWith("{\"error\":").contains(reason);
  }
}
