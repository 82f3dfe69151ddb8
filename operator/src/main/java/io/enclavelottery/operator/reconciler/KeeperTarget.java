package io.enclavelottery.operator.reconciler;

import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.FeePolicy;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.operator.decision.DesiredSettings;
import io.enclavelottery.operator.keeper.OperatorSigning;
import io.enclavelottery.operator.keeper.StandaloneSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What a LotteryRound's keeper is built from; a keeper is replaced when this changes. A local key
 * counts by its address ({@link SigningKey#equals}): a rotated key is a new address. The enclave
 * signer counts by where it is reached, the PCRs it must show and the key to inject.
 *
 * @param rpcUrl the node
 * @param chainId the chain
 * @param contract the lottery's address, lower case
 * @param signing who signs: the operator's key, or the enclave signer
 * @param autoStart open rounds without waiting for a bet
 * @param extendWhenShort extend betting when players are too few
 * @param paused keep the contract paused
 * @param desired the round settings the spec asks for (absent ones keep the chain's values)
 * @param gasMultiplier the gas estimate's multiplier
 * @param maxFeePerGasGwei the fee cap, or null for none
 */
record KeeperTarget(
    String rpcUrl,
    long chainId,
    String contract,
    OperatorSigning signing,
    boolean autoStart,
    boolean extendWhenShort,
    boolean paused,
    DesiredSettings desired,
    double gasMultiplier,
    Double maxFeePerGasGwei) {

  /** How often heads are polled when the node is reached over plain HTTP. */
  static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

  static KeeperTarget of(LotteryRoundSpec spec, OperatorSigning signing) {
    return new KeeperTarget(
        spec.chain().rpcUrl(),
        spec.chain().chainId(),
        spec.contract().address().toLowerCase(Locale.ROOT),
        signing,
        spec.rounds().autoStart(),
        spec.rounds().extendWhenShort(),
        spec.rounds().paused(),
        desired(spec.rounds()),
        spec.gas().multiplier(),
        spec.gas().maxFeePerGasGwei());
  }

  /** The spec's round settings; the validator has checked them against the contract's ranges. */
  private static DesiredSettings desired(RoundsSpec rounds) {
    return new DesiredSettings(
        Optional.ofNullable(rounds.minBet())
            .map(ether -> new BigDecimal(ether).movePointRight(18).toBigIntegerExact()),
        Optional.ofNullable(rounds.bettingDuration()).map(Duration::ofSeconds),
        Optional.ofNullable(rounds.minParticipants()).map(Integer::longValue));
  }

  /** The keeper's settings for this target. */
  StandaloneSettings settings() {
    FeePolicy fees = FeePolicy.defaults().withGasMultiplier(BigDecimal.valueOf(gasMultiplier));
    if (maxFeePerGasGwei != null) {
      fees = fees.withFeeCapGwei(BigDecimal.valueOf(maxFeePerGasGwei));
    }
    return new StandaloneSettings(
        rpcUrl,
        chainId,
        contract,
        signing,
        fees,
        POLL_INTERVAL,
        autoStart,
        extendWhenShort,
        paused,
        desired);
  }
}
