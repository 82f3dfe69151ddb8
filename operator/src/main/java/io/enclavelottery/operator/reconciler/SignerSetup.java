package io.enclavelottery.operator.reconciler;

import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.crd.ExpectedPcrs;
import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.keeper.OperatorSigning;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Who signs for a LotteryRound, from its spec: the key in its Secret ({@code signer.type: local}),
 * or its enclave signer, reached through {@link SignerEndpoints}, held to the spec's {@code
 * expectedPcrs}, and given the Secret's key to inject when the spec names one. Whether the software
 * NSM is trusted is the controller's setting, never the spec's: whoever may edit a LotteryRound
 * must not be able to weaken the attestation check.
 */
final class SignerSetup {

  /** How long the controller waits for each call to an enclave signer. */
  static final Duration SIGNER_TIMEOUT = Duration.ofSeconds(10);

  /** Who signs, or why nothing can. */
  sealed interface Outcome {

    /** The keeper can be built with {@code signing}. */
    record Ready(OperatorSigning signing) implements Outcome {}

    /** No signer can be set up: {@code reason} and {@code message} go on SignerReady. */
    record Blocked(String reason, String message) implements Outcome {}
  }

  private final SecretKeyReader keys;
  private final SignerEndpoints endpoints;
  private final boolean trustSoftwareNsm;

  SignerSetup(SecretKeyReader keys, SignerEndpoints endpoints, boolean trustSoftwareNsm) {
    this.keys = Objects.requireNonNull(keys, "keys");
    this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    this.trustSoftwareNsm = trustSoftwareNsm;
  }

  /** Who signs for {@code resource}, whose spec the validator accepted. */
  Outcome of(LotteryRound resource) {
    SignerSpec signer = resource.getSpec().signer();
    Optional<SigningKey> key = Optional.empty();
    if (signer.keySecretRef() != null) {
      OperatorKey read = keys.read(resource.getMetadata().getNamespace(), signer.keySecretRef());
      if (read instanceof OperatorKey.Missing missing) {
        return new Outcome.Blocked(missing.reason(), missing.message());
      }
      key = Optional.of(((OperatorKey.Found) read).key());
    }
    if (signer.type() == SignerType.LOCAL) {
      return new Outcome.Ready(new OperatorSigning.LocalKey(key.orElseThrow()));
    }
    SignerEndpoints.Endpoints reached = endpoints.of(resource);
    return new Outcome.Ready(
        new OperatorSigning.Enclave(
            reached.signing(),
            reached.attestation(),
            expectedPcrs(resource.getSpec()),
            trustSoftwareNsm,
            SIGNER_TIMEOUT,
            key));
  }

  private static Map<Integer, String> expectedPcrs(LotteryRoundSpec spec) {
    ExpectedPcrs expected = spec.signer().enclave().expectedPcrs();
    Map<Integer, String> pcrs = new TreeMap<>();
    pcrs.put(0, expected.pcr0());
    Optional.ofNullable(expected.pcr1()).ifPresent(pcr -> pcrs.put(1, pcr));
    Optional.ofNullable(expected.pcr2()).ifPresent(pcr -> pcrs.put(2, pcr));
    return pcrs;
  }
}
