package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.signer.SigningException;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.enclave.client.KeyInjectionClient;
import io.enclavelottery.enclave.signer.SignerStatus;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the operator key to an attested enclave signer that waits for one. The key is encrypted to
 * the injection key of the verified attestation, never to the signer's unauthenticated copy of it,
 * so only the attested enclave can read it (a signer that restarted meanwhile cannot decrypt it). A
 * signer that already holds a key is left alone; one that waits while no key is configured is
 * refused with what to do.
 */
final class SignerKeyInjection {

  private static final Logger LOG = LoggerFactory.getLogger(SignerKeyInjection.class);

  private final Optional<SigningKey> keyToInject;
  private final KeyInjectionClient client;
  private final Supplier<SignerStatus> status;

  /**
   * @param keyToInject the operator key to hand a waiting signer; empty when it must hold its own
   * @param client the signer's key-injection port
   * @param status reads the signer's {@code /status}
   */
  SignerKeyInjection(
      Optional<SigningKey> keyToInject, KeyInjectionClient client, Supplier<SignerStatus> status) {
    this.keyToInject = Objects.requireNonNull(keyToInject, "keyToInject");
    this.client = Objects.requireNonNull(client, "client");
    this.status = Objects.requireNonNull(status, "status");
  }

  /**
   * Makes sure the signer just {@code attested} holds its operator key, injecting the configured
   * one when it waits for it.
   *
   * @throws SigningException with the reason when it does not hold the attested operator's key
   */
  void ensureKey(SignerAttestationCheck.Verdict.Attested attested) {
    String operator = attested.operator();
    keyToInject.ifPresent(
        key -> {
          if (!key.address().equals(operator)) {
            throw new SigningException(
                "the operator key to inject (keySecretRef) is the key of "
                    + key.address()
                    + ", but the attested enclave signer signs for "
                    + operator
                    + "; nothing was injected");
          }
        });
    if (status.get().ready()) {
      return;
    }
    SigningKey key =
        keyToInject.orElseThrow(
            () ->
                new SigningException(
                    "the enclave signer waits for the key of "
                        + operator
                        + " and none is configured: set signer.keySecretRef, or inject it with"
                        + " `lottery signer inject-key`"));
    String answered;
    try {
      answered = client.inject(key, HexFormat.of().parseHex(attested.injectionKey()));
    } catch (SigningException e) {
      throw new SigningException(
          "the enclave signer did not take the operator key of "
              + operator
              + ": "
              + e.getMessage());
    }
    if (!operator.equalsIgnoreCase(answered)) {
      throw new SigningException(
          "the enclave signer answered the injection of the key of "
              + operator
              + " with operator "
              + answered
              + "; it is not used");
    }
    LOG.info(
        "injected the operator key of {} into the enclave signer, encrypted to its attested"
            + " injection key",
        operator);
  }
}
