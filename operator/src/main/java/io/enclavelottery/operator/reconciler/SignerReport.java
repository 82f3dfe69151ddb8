package io.enclavelottery.operator.reconciler;

import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.LotteryCondition;
import io.enclavelottery.crd.SignerAttestationStatus;
import io.enclavelottery.operator.keeper.KeeperStatus;
import io.enclavelottery.operator.keeper.Problem;
import io.enclavelottery.operator.keeper.SignerIdentity;
import java.util.Optional;

/**
 * What the status of a running LotteryRound says of its signer: the SignerReady condition, the
 * operator address it signs as, and, for the enclave signer, what its last verified attestation
 * showed.
 *
 * @param ready the SignerReady condition
 * @param operatorAddress the address signed as, or null while the enclave signer is not attested
 * @param attestation the enclave signer's attested measurements, or null
 */
record SignerReport(
    LotteryCondition ready, String operatorAddress, SignerAttestationStatus attestation) {

  /** A key read from {@code secretName}, signing as {@code address}. */
  static SignerReport localKey(String secretName, String address) {
    return new SignerReport(
        condition(
            ConditionStatus.TRUE,
            "KeyRead",
            "the key in Secret " + secretName + " signs as " + address),
        address,
        null);
  }

  /**
   * The enclave signer: attested ({@code identity}), refused (the keeper's problem says why, at the
   * first attestation or after a restart of the signer) or not asked yet. What the last verified
   * attestation showed stays in status while the signer is refused.
   */
  static SignerReport enclave(Optional<SignerIdentity> identity, KeeperStatus keeper) {
    Optional<Problem> refused =
        keeper.problem().filter(problem -> problem.kind() == Problem.Kind.SIGNER_NOT_ATTESTED);
    if (refused.isPresent()) {
      return new SignerReport(
          condition(ConditionStatus.FALSE, refused.get().kind().reason(), refused.get().message()),
          identity.map(SignerIdentity::operator).orElse(null),
          identity.map(SignerReport::measurements).orElse(null));
    }
    if (identity.isEmpty()) {
      return new SignerReport(
          condition(
              ConditionStatus.UNKNOWN,
              "Attesting",
              "asking the enclave signer for a fresh attestation; nothing is sent until it"
                  + " verifies"),
          null,
          null);
    }
    SignerIdentity attested = identity.get();
    String message =
        attested.secure()
            ? "the enclave signer's attestation verified (expected PCRs, AWS Nitro root, this"
                + " chain and contract): it signs as "
                + attested.operator()
            : "NOT SECURE: the signer runs on the software NSM, trusted only because the"
                + " controller runs with --trust-software-nsm (development); it signs as "
                + attested.operator();
    return new SignerReport(
        condition(ConditionStatus.TRUE, "Attested", message),
        attested.operator(),
        measurements(attested));
  }

  private static SignerAttestationStatus measurements(SignerIdentity identity) {
    return new SignerAttestationStatus(
        identity.pcrs().get(0), identity.pcrs().get(1), identity.pcrs().get(2), identity.secure());
  }

  private static LotteryCondition condition(ConditionStatus status, String reason, String message) {
    return new LotteryCondition(ConditionType.SIGNER_READY, status, reason, message, null, null);
  }
}
