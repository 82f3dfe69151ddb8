package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.crd.SecretKeyRef;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Reading the operator key from a Secret in fabric8's mock API server (CRUD mode). */
class SecretKeyReaderTest {

  // Anvil's dev account 1: public test data
  private static final String KEY =
      "59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d";
  private static final SecretKeyRef REF = new SecretKeyRef("operator-key", null);

  @AutoClose private final Opened opened = new Opened();
  private final MockApiServer server = opened.add(MockApiServer.start());
  private final NamespacedKubernetesClient client = opened.add(server.newClient());
  private final SecretKeyReader reader = new SecretKeyReader(client);

  @Test
  void readsTheKeyFromTheSecretsData() {
    secret(Map.of("privateKey", base64("0x" + KEY + "\n")));

    OperatorKey key = reader.read("lottery", REF);

    assertThat(key).isEqualTo(new OperatorKey.Found(SigningKey.fromHex(KEY)));
    assertThat(key.toString()).doesNotContain(KEY);
  }

  @Test
  void readsTheSecretByNameInItsNamespaceOnly() throws InterruptedException {
    server.takeRequests();
    secret(Map.of("privateKey", base64(KEY)));
    server.takeRequests();

    reader.read("lottery", REF);
    reader.read("lottery", REF);

    assertThat(server.takeRequests())
        .containsExactly(
            "GET /api/v1/namespaces/lottery/secrets/operator-key",
            "GET /api/v1/namespaces/lottery/secrets/operator-key");
  }

  @Test
  void aMissingSecretSaysWhichAndWhatToDo() {
    assertThat(reader.read("lottery", REF))
        .isEqualTo(
            new OperatorKey.Missing(
                "SecretNotFound",
                "Secret lottery/operator-key does not exist: create it with the operator's"
                    + " private key under \"privateKey\"; nothing is sent until then"));
  }

  @Test
  void aSecretInAnotherNamespaceIsNotUsed() {
    client
        .secrets()
        .inNamespace("elsewhere")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("operator-key")
                .withNamespace("elsewhere")
                .endMetadata()
                .withData(Map.of("privateKey", base64(KEY)))
                .build())
        .create();

    assertThat(reader.read("lottery", REF)).isInstanceOf(OperatorKey.Missing.class);
  }

  @Test
  void aSecretWithoutTheEntrySaysWhichEntry() {
    secret(Map.of("key", base64(KEY)));

    assertThat(reader.read("lottery", REF))
        .isEqualTo(
            new OperatorKey.Missing(
                "KeyNotInSecret",
                "Secret lottery/operator-key has no entry \"privateKey\" holding the operator's"
                    + " private key"));
  }

  @Test
  void aMalformedKeyIsNamedWithoutQuotingIt() {
    String almost = KEY.substring(0, 62) + "zz";
    secret(Map.of("privateKey", base64(almost)));

    OperatorKey key = reader.read("lottery", REF);

    assertThat(key).isInstanceOf(OperatorKey.Missing.class);
    OperatorKey.Missing missing = (OperatorKey.Missing) key;
    assertThat(missing.reason()).isEqualTo("KeyMalformed");
    assertThat(missing.message())
        .isEqualTo(
            "Secret lottery/operator-key entry \"privateKey\" is not a key: a private key must be"
                + " 32 bytes of hex (64 hex digits)");
    assertThat(missing.message()).doesNotContain(almost.substring(0, 20));
  }

  private void secret(Map<String, String> data) {
    client
        .secrets()
        .inNamespace("lottery")
        .resource(
            new SecretBuilder()
                .withNewMetadata()
                .withName("operator-key")
                .withNamespace("lottery")
                .endMetadata()
                .withData(data)
                .build())
        .create();
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
