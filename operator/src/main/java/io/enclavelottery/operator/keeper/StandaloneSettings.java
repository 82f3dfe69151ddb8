package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.FeePolicy;
import io.enclavelottery.operator.decision.DecisionTiming;
import io.enclavelottery.operator.decision.DesiredSettings;
import io.enclavelottery.operator.decision.RoundPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link StandaloneKeeper} needs: where the contract is, who signs for the operator, how to
 * pay for gas and how to follow the chain. Its {@code toString} shows no key.
 *
 * @param rpcUrl the node, {@code http(s)://} (polled) or {@code ws(s)://} (subscribed)
 * @param chainId the chain the contract is on; a node on another chain is refused
 * @param contract the lottery's address
 * @param signing the operator's key in this process, or the enclave signer
 * @param feePolicy gas multiplier and fee cap
 * @param pollInterval how often heads are polled over HTTP
 * @param autoStart open a round as soon as the contract is WAITING (otherwise the first bet does)
 * @param extendWhenShort extend betting when a round has too few players near its end
 * @param paused keep the contract paused: the running round finishes, no new one opens
 * @param desired settings to bring the contract to while it is WAITING
 */
public record StandaloneSettings(
    String rpcUrl,
    long chainId,
    String contract,
    OperatorSigning signing,
    FeePolicy feePolicy,
    Duration pollInterval,
    boolean autoStart,
    boolean extendWhenShort,
    boolean paused,
    DesiredSettings desired) {

  public StandaloneSettings {
    Objects.requireNonNull(desired, "desired");
    Objects.requireNonNull(rpcUrl, "rpcUrl");
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(signing, "signing");
    Objects.requireNonNull(feePolicy, "feePolicy");
    Objects.requireNonNull(pollInterval, "pollInterval");
  }

  /** Settings signing with the operator's key in this process. */
  public StandaloneSettings(
      String rpcUrl,
      long chainId,
      String contract,
      SigningKey operatorKey,
      FeePolicy feePolicy,
      Duration pollInterval,
      boolean autoStart,
      boolean extendWhenShort,
      boolean paused,
      DesiredSettings desired) {
    this(
        rpcUrl,
        chainId,
        contract,
        new OperatorSigning.LocalKey(operatorKey),
        feePolicy,
        pollInterval,
        autoStart,
        extendWhenShort,
        paused,
        desired);
  }

  /** The policy with the decision's timing for a chain with blocks {@code blockTime} apart. */
  public RoundPolicy policy(Duration blockTime) {
    return new RoundPolicy(
        autoStart, paused, extendWhenShort, desired, DecisionTiming.forBlockTime(blockTime));
  }

  @Override
  public String toString() {
    return "StandaloneSettings[rpcUrl="
        + io.enclavelottery.chain.contract.RedactedUrl.of(rpcUrl)
        + ", chainId="
        + chainId
        + ", contract="
        + contract
        + ", signing="
        + signing
        + "]";
  }
}
