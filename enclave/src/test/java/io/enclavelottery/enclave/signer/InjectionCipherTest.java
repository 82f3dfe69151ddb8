package io.enclavelottery.enclave.signer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.signer.SigningKey;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.web3j.utils.Numeric;

/** The injection scheme is the one documented, in both directions, and nothing else decrypts. */
class InjectionCipherTest {

  private static final String OPERATOR_KEY =
      "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  private static final String OPERATOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

  @Test
  void theDocumentedSchemeDecryptsWhatInjectionCipherEncrypts() throws Exception {
    KeyPair recipient = DocumentedEcies.recipientKeys();
    byte[] message = "thirty-two bytes of operator key".getBytes(StandardCharsets.US_ASCII);

    byte[] ciphertext =
        InjectionCipher.encrypt(recipient.getPublic().getEncoded(), message, new SecureRandom());

    assertThat(ciphertext).hasSize(97 + message.length + 32);
    assertThat(DocumentedEcies.decrypt(recipient, ciphertext)).isEqualTo(message);
  }

  @Test
  void aKeyEncryptedWithTheDocumentedSchemeIsAccepted() throws Exception {
    OperatorKeyCustody custody = OperatorKeyCustody.awaitInjection(OPERATOR, new SecureRandom());

    custody.inject(
        DocumentedEcies.encrypt(
            custody.injectionPublicKeyDer(), Numeric.hexStringToByteArray(OPERATOR_KEY)));

    assertThat(custody.ready()).isTrue();
    assertThat(custody.key()).isEqualTo(SigningKey.fromHex(OPERATOR_KEY));
  }

  @Test
  void aTamperedCiphertextDoesNotDecrypt() {
    OperatorKeyCustody custody = OperatorKeyCustody.awaitInjection(OPERATOR, new SecureRandom());
    byte[] ciphertext =
        InjectionCipher.encrypt(
            custody.injectionPublicKeyDer(),
            Numeric.hexStringToByteArray(OPERATOR_KEY),
            new SecureRandom());
    ciphertext[100] ^= 1;

    assertThatThrownBy(() -> custody.inject(ciphertext))
        .isInstanceOfSatisfying(
            SignerRefusal.class, r -> assertThat(r.kind()).isEqualTo(SignerRefusal.Kind.MALFORMED))
        .hasMessageContaining("does not decrypt with this signer's injection key");
    assertThat(custody.ready()).isFalse();
  }

  @Test
  void garbageDoesNotDecrypt() {
    OperatorKeyCustody custody = OperatorKeyCustody.awaitInjection(OPERATOR, new SecureRandom());

    assertThatThrownBy(() -> custody.inject(new byte[] {4, 1, 2, 3}))
        .hasMessageContaining("does not decrypt");
    assertThatThrownBy(() -> custody.inject(new byte[200]))
        .hasMessageContaining("does not decrypt");
  }

  @Test
  void onlyASecp384r1KeyIsEncryptedTo() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    byte[] p256 = generator.generateKeyPair().getPublic().getEncoded();

    assertThatThrownBy(() -> InjectionCipher.encrypt(p256, new byte[32], new SecureRandom()))
        .hasMessageContaining("secp384r1");
    assertThatThrownBy(
            () -> InjectionCipher.encrypt(new byte[10], new byte[32], new SecureRandom()))
        .hasMessageContaining("not an X.509 SubjectPublicKeyInfo");
  }
}
