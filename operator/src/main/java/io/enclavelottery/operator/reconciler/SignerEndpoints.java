package io.enclavelottery.operator.reconciler;

import io.enclavelottery.crd.LotteryRound;
import io.enclavelottery.operator.dependent.SignerServiceDependent;
import java.net.URI;
import java.util.Objects;

/**
 * Where the controller reaches the enclave signer of a LotteryRound with {@code signer.type:
 * enclave}: by default its Service, {@code <lotteryround>-signer.<namespace>.svc}, which the
 * controller itself creates.
 */
@FunctionalInterface
public interface SignerEndpoints {

  /** The signer's ports for {@code round}. */
  Endpoints of(LotteryRound round);

  /**
   * @param signing its signing port ({@code /sign}, {@code /commit}, {@code /draw})
   * @param attestation its attestation port ({@code /attestation?nonce=})
   */
  record Endpoints(URI signing, URI attestation) {
    public Endpoints {
      Objects.requireNonNull(signing, "signing");
      Objects.requireNonNull(attestation, "attestation");
    }
  }

  /** Each signer through the Service the controller made for it. */
  static SignerEndpoints services() {
    return round ->
        new Endpoints(
            SignerServiceDependent.signingUrl(round), SignerServiceDependent.attestationUrl(round));
  }
}
