package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.FeePolicy;
import io.enclavelottery.operator.decision.DecisionTiming;
import io.enclavelottery.operator.decision.DesiredSettings;
import io.enclavelottery.operator.decision.RoundPolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link StandaloneKeeper} needs: where the contract is, the operator's key, how to pay for
 * gas and how to follow the chain. Its {@code toString} shows the key only redacted.
 *
 * @param rpcUrl the node, {@code http(s)://} (polled) or {@code ws(s)://} (subscribed)
 * @param chainId the chain the contract is on; a node on another chain is refused
 * @param contract the lottery's address
 * @param operatorKey the operator's key: signs, and derives the rounds' seeds
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
    SigningKey operatorKey,
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
    Objects.requireNonNull(operatorKey, "operatorKey");
    Objects.requireNonNull(feePolicy, "feePolicy");
    Objects.requireNonNull(pollInterval, "pollInterval");
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
        + ", operator="
        + operatorKey.address()
        + "]";
  }
}
