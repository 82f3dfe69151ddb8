package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.crd.ChainSpec;
import io.enclavelottery.crd.ContractSpec;
import io.enclavelottery.crd.LotteryRoundSpec;
import io.enclavelottery.crd.SecretKeyRef;
import io.enclavelottery.crd.SignerSpec;
import io.enclavelottery.crd.SignerType;
import io.enclavelottery.operator.keeper.OperatorSigning;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Once closed (the lease lost), the keepers start no new keeper for a reconcile still running. */
class RoundKeepersTest {

  /** Anvil's public dev account 1. */
  private static final SigningKey KEY =
      SigningKey.fromHex("0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  @Test
  void noKeeperStartsOnceClosed() {
    RoundKeepers keepers = new RoundKeepers(new SimpleMeterRegistry());
    keepers.close();
    ResourceID id = new ResourceID("main", "lottery");
    LotteryRoundSpec spec =
        new LotteryRoundSpec(
            new ChainSpec("http://127.0.0.1:8545", 31337L, null),
            new ContractSpec("0x5FbDB2315678afecb367f032d93F642f64180aa3"),
            new SignerSpec(SignerType.LOCAL, new SecretKeyRef("operator-key", null), null),
            null,
            null,
            null);
    AtomicInteger reporters = new AtomicInteger();

    assertThatIllegalStateException()
        .isThrownBy(
            () ->
                keepers.ensure(
                    id,
                    KeeperTarget.of(spec, new OperatorSigning.LocalKey(KEY)),
                    () -> {
                      reporters.incrementAndGet();
                      return null;
                    }))
        .withMessage("the controller is stopping: no keeper starts");
    assertThat(keepers.get(id)).isEmpty();
    assertThat(keepers.chainCount()).isZero();
    assertThat(reporters).hasValue(0);
  }
}
