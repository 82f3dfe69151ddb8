package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.FeePolicy;
import io.enclavelottery.operator.decision.DesiredSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One connection per (RPC URL, chain id): the first contract opens it, the others join, the last
 * one leaving closes it. No node answers at the URL; the keepers only report it.
 */
class SharedChainsTest {

  /** Anvil's second dev key: public test data. */
  private static final SigningKey OPERATOR =
      SigningKey.fromHex("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d");

  private static final String NOBODY = "http://127.0.0.1:9";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final SharedChains chains = new SharedChains(registry);

  @AfterEach
  void close() {
    chains.close();
  }

  @Test
  void contractsOnOneChainShareOneConnectionUntilTheLastLeaves() {
    KeptContract first = chains.keep(settings(NOBODY, 31337, 1), KeeperListener.none(), e -> {});
    KeptContract second = chains.keep(settings(NOBODY, 31337, 2), KeeperListener.none(), e -> {});
    assertThat(chains.chainCount()).isEqualTo(1);
    assertThat(registry.find("lottery.follower.lag").gauges()).hasSize(1);

    first.close();
    first.close(); // twice changes nothing
    assertThat(chains.chainCount()).isEqualTo(1);

    second.close();
    assertThat(chains.chainCount()).isZero();
    assertThat(registry.find("lottery.follower.lag").gauges()).isEmpty();
  }

  @Test
  void keepersSendingFromOneAddressOnAChainShareItsNonces() {
    try (ChainConnection chain =
        ChainConnection.open(NOBODY, 31337, Duration.ofSeconds(1), registry)) {
      String address = OPERATOR.address();

      assertThat(chain.nonces(address))
          .isSameAs(chain.nonces(address.toUpperCase().replace("0X", "0x")));
      assertThat(chain.nonces("0x" + "11".repeat(20))).isNotSameAs(chain.nonces(address));
    }
  }

  @Test
  void anotherChainIdOrUrlIsAnotherConnection() {
    chains.keep(settings(NOBODY, 31337, 1), KeeperListener.none(), e -> {});
    chains.keep(settings(NOBODY, 1, 2), KeeperListener.none(), e -> {});
    chains.keep(settings("http://127.0.0.1:10", 31337, 3), KeeperListener.none(), e -> {});
    assertThat(chains.chainCount()).isEqualTo(3);
  }

  @Test
  void aKeeperOnAnUnreachableNodeSaysSo() {
    KeptContract kept = chains.keep(settings(NOBODY, 31337, 1), KeeperListener.none(), e -> {});
    await().atMost(Duration.ofSeconds(10)).until(() -> kept.status().problem().isPresent());
    assertThat(kept.status().problem().orElseThrow().kind())
        .isEqualTo(Problem.Kind.RPC_UNREACHABLE);
  }

  private static StandaloneSettings settings(String rpcUrl, long chainId, int contract) {
    return new StandaloneSettings(
        rpcUrl,
        chainId,
        String.format("0x%040x", contract),
        OPERATOR,
        FeePolicy.defaults(),
        Duration.ofSeconds(1),
        false,
        false,
        false,
        DesiredSettings.keepOnChain());
  }
}
