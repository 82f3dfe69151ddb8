package io.enclavelottery.operator.reconciler;

import io.enclavelottery.chain.signer.SigningKey;
import java.util.Objects;

/**
 * What reading the operator's key from its Secret gave: the key, or why there is none. Neither
 * variant's text holds the key.
 */
public sealed interface OperatorKey {

  /** The key was read and parsed. */
  record Found(SigningKey key) implements OperatorKey {
    public Found {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
      return "Found[" + key.address() + "]";
    }
  }

  /**
   * There is no usable key.
   *
   * @param reason a condition reason ({@code SecretNotFound}, {@code KeyNotInSecret}, …)
   * @param message what is wrong and what to do, for a person
   */
  record Missing(String reason, String message) implements OperatorKey {
    public Missing {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(message, "message");
    }
  }
}
