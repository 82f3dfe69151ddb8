package io.enclavelottery.operator.reconciler;

import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.crd.SecretKeyRef;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Reads the operator's key from the Secret a LotteryRound names, by name in the LotteryRound's own
 * namespace: one namespaced {@code get} per call, never a list or watch of Secrets, so a rotated
 * key takes effect on the next reconcile. The key's text never reaches a message.
 */
public final class SecretKeyReader {

  private final KubernetesClient client;

  public SecretKeyReader(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /** The key in {@code ref}, read from namespace {@code namespace}. */
  public OperatorKey read(String namespace, SecretKeyRef ref) {
    Secret secret = client.secrets().inNamespace(namespace).withName(ref.name()).get();
    String where = "Secret " + namespace + "/" + ref.name();
    if (secret == null) {
      return new OperatorKey.Missing(
          "SecretNotFound",
          where
              + " does not exist: create it with the operator's private key under \""
              + ref.key()
              + "\"; nothing is sent until then");
    }
    String value = value(secret, ref.key());
    if (value == null || value.isBlank()) {
      return new OperatorKey.Missing(
          "KeyNotInSecret",
          where + " has no entry \"" + ref.key() + "\" holding the operator's private key");
    }
    try {
      return new OperatorKey.Found(SigningKey.fromHex(value));
    } catch (IllegalArgumentException e) {
      // SigningKey's message never quotes the key it refused
      return new OperatorKey.Missing(
          "KeyMalformed", where + " entry \"" + ref.key() + "\" is not a key: " + e.getMessage());
    }
  }

  private static String value(Secret secret, String key) {
    Map<String, String> data = secret.getData();
    if (data != null && data.get(key) != null) {
      try {
        return new String(Base64.getMimeDecoder().decode(data.get(key)), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException notBase64) {
        return null;
      }
    }
    Map<String, String> plain = secret.getStringData();
    return plain == null ? null : plain.get(key);
  }
}
