package io.enclavelottery.enclave.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.enclave.nsm.SoftwareNsm;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/** The operator key is generated inside or injected once, and only the configured one. */
class OperatorKeyCustodyTest {

  private static final SigningKey OPERATOR =
      SigningKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");
  private static final SigningKey PUBLISHER =
      SigningKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  private final OperatorKeyCustody custody =
      OperatorKeyCustody.awaitInjection(OPERATOR.address(), new SecureRandom());

  @Test
  void aKeyIsInjectedOnceAndEveryLaterInjectionIsRefused() {
    custody.inject(encrypted(OPERATOR));

    assertThat(custody.key()).isEqualTo(OPERATOR);
    assertThatThrownBy(() -> custody.inject(encrypted(OPERATOR)))
        .isInstanceOfSatisfying(
            SignerRefusal.class, r -> assertThat(r.kind()).isEqualTo(SignerRefusal.Kind.FORBIDDEN))
        .hasMessageContaining("already injected");
    assertThat(custody.key()).isEqualTo(OPERATOR);
  }

  @Test
  void aKeyOfAnotherAddressIsRefusedAndTheRightOneStillAccepted() {
    assertThatThrownBy(() -> custody.inject(encrypted(PUBLISHER)))
        .hasMessage(
            "the injected key signs for "
                + PUBLISHER.address()
                + ", not for the configured operator "
                + OPERATOR.address());
    assertThat(custody.ready()).isFalse();

    custody.inject(encrypted(OPERATOR));
    assertThat(custody.ready()).isTrue();
  }

  @Test
  void aPlaintextThatIsNotAKeyIsRefused() {
    byte[] ciphertext =
        InjectionCipher.encrypt(custody.injectionPublicKeyDer(), new byte[31], new SecureRandom());

    assertThatThrownBy(() -> custody.inject(ciphertext))
        .hasMessageContaining("is 31 bytes, not 32");
  }

  @Test
  void untilTheKeyArrivesNothingIsSigned() {
    assertThatThrownBy(custody::key)
        .isInstanceOfSatisfying(
            SignerRefusal.class, r -> assertThat(r.kind()).isEqualTo(SignerRefusal.Kind.NO_KEY))
        .hasMessageContaining("inject the key of " + OPERATOR.address());
  }

  @Test
  void aGeneratedKeyComesFromTheNsmAndRefusesInjection() {
    SoftwareNsm nsm = new SoftwareNsm();
    OperatorKeyCustody first = OperatorKeyCustody.generate(new NsmRandom(nsm));
    OperatorKeyCustody second = OperatorKeyCustody.generate(new NsmRandom(nsm));

    assertThat(first.ready()).isTrue();
    assertThat(first.operatorAddress()).matches("0x[0-9a-f]{40}").isEqualTo(first.key().address());
    assertThat(first.operatorAddress()).isNotEqualTo(second.operatorAddress());
    assertThatThrownBy(() -> first.inject(encrypted(OPERATOR, first)))
        .hasMessageContaining("generated its operator key inside the enclave");
  }

  @Test
  void itsTextNamesOnlyTheAddress() {
    custody.inject(encrypted(OPERATOR));

    assertThat(custody.toString())
        .contains(OPERATOR.address())
        .doesNotContain(Numeric.toHexStringNoPrefix(secret(OPERATOR)));
  }

  private byte[] encrypted(SigningKey key) {
    return encrypted(key, custody);
  }

  private static byte[] encrypted(SigningKey key, OperatorKeyCustody to) {
    return InjectionCipher.encrypt(to.injectionPublicKeyDer(), secret(key), new SecureRandom());
  }

  private static byte[] secret(SigningKey key) {
    return Numeric.toBytesPadded(key.credentials().getEcKeyPair().getPrivateKey(), 32);
  }
}
