package io.enclavelottery.enclave.client;

import static io.enclavelottery.enclave.signer.TestSigner.CHAIN_ID;
import static io.enclavelottery.enclave.signer.TestSigner.CONTRACT;
import static io.enclavelottery.enclave.signer.TestSigner.MARGIN;
import static io.enclavelottery.enclave.signer.TestSigner.terms;
import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.signer.CapturedLogs;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.enclave.signer.InjectionCipher;
import io.enclavelottery.enclave.signer.TestSigner;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.utils.Numeric;

/**
 * The operator key never appears in a response, a log line or an error, whatever is tried; a seed
 * appears nowhere until the signed draw that releases it, and never in a log line.
 */
class SecretsStayInsideTest {

  private static final SigningKey OPERATOR =
      SigningKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  private static final SigningKey PUBLISHER =
      SigningKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
  private static final Instant END = TestSigner.START.plusSeconds(600);

  private final List<String> seen = new ArrayList<>();

  @Test
  void neitherKeyNorSeedLeaks() throws Exception {
    List<String> logs;
    String seed;
    try (CapturedLogs captured = new CapturedLogs();
        RunningSigner running = new RunningSigner(TestSigner.awaiting(OPERATOR.address()))) {
      KeyInjectionClient injection =
          new KeyInjectionClient(running.signingUrl, RunningSigner.TIMEOUT, new SecureRandom());
      byte[] publicKey = injection.publicKey();
      seen.add(running.get(running.signingUrl, "api/get_pub_key").body());
      seen.add(running.post("api/set_operator_key", "{\"encryptedKey\":\"0x0401\"}").body());
      seen.add(
          running
              .post("api/set_operator_key", "{\"encryptedKey\":\"" + secretHex(OPERATOR) + "\"}")
              .body());
      seen.add(
          running.post("api/set_operator_key", "{\"key\":\"" + secretHex(OPERATOR) + "\"}").body());
      seen.add(running.post("api/set_operator_key", encryptedBody(PUBLISHER, publicKey)).body());
      seen.add(running.post("api/set_operator_key", encryptedBody(OPERATOR, publicKey)).body());
      seen.add(running.post("api/set_operator_key", encryptedBody(OPERATOR, publicKey)).body());
      RemoteSigner signer = running.remoteSigner();
      seen.add(signer.status().toString());
      seen.add(running.get(running.signingUrl, "status").body());
      seen.add(signer.signTransaction(startRound(), CHAIN_ID));
      seen.add(signer.commit(1, END, terms(1)).toString());
      seen.add(running.get(running.signingUrl, "status").body());
      seen.add(
          running
              .post(
                  "draw",
                  "{\"roundId\":1,\"nonce\":2,\"gasLimit\":1,\"maxFeePerGas\":\"1\","
                      + "\"maxPriorityFeePerGas\":\"1\"}")
              .body());
      running.test.clock.set(END.plus(MARGIN).plusSeconds(1));
      String draw = signer.draw(1, terms(2)).raw();
      seed = Numeric.cleanHexPrefix(TransactionDecoder.decode(draw).getData()).substring(8);
      logs = captured.lines();
    }

    assertThat(logs).isNotEmpty();
    for (String text : concat(seen, logs)) {
      assertThat(text.toLowerCase(Locale.ROOT))
          .doesNotContain(Numeric.cleanHexPrefix(secretHex(OPERATOR)))
          .doesNotContain(Numeric.cleanHexPrefix(secretHex(PUBLISHER)))
          .doesNotContain(seed);
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String encryptedBody(SigningKey key, byte[] publicKey) {
    byte[] ciphertext =
        InjectionCipher.encrypt(
            publicKey, Numeric.hexStringToByteArray(secretHex(key)), new SecureRandom());
    return "{\"encryptedKey\":\"" + Numeric.toHexString(ciphertext) + "\"}";
  }

  private static String secretHex(SigningKey key) {
    return Numeric.toHexStringWithPrefixZeroPadded(
        key.credentials().getEcKeyPair().getPrivateKey(), 64);
  }

  private static RawTransaction startRound() {
    return RawTransaction.createTransaction(
        CHAIN_ID,
        BigInteger.ZERO,
        BigInteger.valueOf(100_000),
        CONTRACT,
        BigInteger.ZERO,
        new LotteryCalls(CONTRACT).startRound().data(),
        TestSigner.GWEI,
        TestSigner.GWEI.multiply(BigInteger.TEN));
  }
}
