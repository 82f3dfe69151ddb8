package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.RoundOutcome;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.operator.keeper.KeeperChain;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A controller stopped right after it sent a transaction, which waits in the node's pool, and a new
 * controller started in its place: the new one finds the transaction in the pool, says so in the
 * status, waits for it, and sends nothing twice.
 */
class ControllerRestartIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String NAME = "main";

  @AutoClose
  private final ControllerHarness harness = ControllerHarness.start(Duration.ofSeconds(120));

  private final KeeperChain chain = harness.chain();

  @Test
  void aControllerRestartedWithATransactionInFlightSendsNothingTwice() {
    String operator = chain.operator().address();
    harness.createSecret(harness.operatorKeyHex());
    harness.create(NAME, harness.spec(new RoundsSpec(null, null, null, false, null, null)));
    harness.awaitStatus(NAME, s -> s.operatorBalance() != null);
    chain.bet(0);
    long before = chain.nonce(operator);

    // the second bet lands in a block mined by hand: the commitment sent in answer waits in the
    // pool, where no block comes to mine it
    harness.betInOneManualBlock(1);
    await().atMost(PATIENCE).until(() -> chain.pendingNonce(operator) == before + 1);

    harness.stopController();
    harness.startController();

    await()
        .atMost(PATIENCE)
        .until(
            () ->
                harness
                    .condition(NAME, ConditionType.READY)
                    .map(c -> c.message().contains("already in the node's pool"))
                    .orElse(false));
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .until(() -> chain.pendingNonce(operator) == before + 1);

    chain.resumeMining();
    await().atMost(PATIENCE).until(() -> chain.contract().round().seedCommitted());
    harness.awaitStatus(NAME, s -> s.pendingTransaction() == null);
    chain.jumpTo(chain.contract().round().minDrawTime().minusSeconds(4));
    harness.awaitStatus(NAME, s -> s.lastResult() != null);

    assertThat(harness.status(NAME).orElseThrow().lastResult().outcome())
        .isEqualTo(RoundOutcome.DRAWN);
    // one commitment (sent by the first controller) and one draw: nothing twice
    assertThat(chain.nonce(operator)).isEqualTo(before + 2);
    assertThat(harness.eventReasons())
        .containsOnlyOnce("WinnerDrawn")
        .doesNotContain("SeedCommitted");
  }
}
