package io.enclavelottery.operator.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.crd.ConditionStatus;
import io.enclavelottery.crd.ConditionType;
import io.enclavelottery.crd.LotteryRoundStatus;
import io.enclavelottery.crd.RoundOutcome;
import io.enclavelottery.crd.RoundResult;
import io.enclavelottery.crd.RoundState;
import io.enclavelottery.crd.RoundStatus;
import io.enclavelottery.crd.RoundsSpec;
import io.enclavelottery.operator.keeper.KeeperChain;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The status of a LotteryRound against a real Anvil: filled from the chain and kept current as the
 * round moves, written only when something in it changed, and a round with too few players
 * refunded. The key never shows in logs, status or Events.
 */
class LotteryStatusIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final String NAME = "main";
  private static final RoundsSpec NO_AUTO_START =
      new RoundsSpec(null, null, null, false, null, null);

  @AutoClose
  private final ControllerHarness harness = ControllerHarness.start(Duration.ofSeconds(30));

  private final KeeperChain chain = harness.chain();

  @BeforeEach
  void createSecret() {
    harness.createSecret(harness.operatorKeyHex());
  }

  @Test
  void theStatusFollowsTheRoundAndIsWrittenOnlyWhenSomethingChanged() throws Exception {
    harness.createReady(NAME, harness.spec(NO_AUTO_START));
    LotteryRoundStatus waiting = harness.status(NAME).orElseThrow();
    assertThat(waiting.chainId()).isEqualTo(31337L);
    assertThat(waiting.operatorAddress()).isEqualTo(chain.operator().address().toLowerCase());
    assertThat(waiting.operatorBalance()).matches("9999\\.9\\d*");
    assertThat(waiting.bond()).isEqualTo("10");
    assertThat(waiting.maxPot()).isEqualTo("100");
    assertThat(waiting.unrevealedRounds()).isZero();
    assertThat(waiting.condition(ConditionType.BOND_SUFFICIENT).orElseThrow().status())
        .isEqualTo(ConditionStatus.TRUE);

    chain.bet(0);
    chain.bet(1);
    harness.awaitStatus(
        NAME, s -> s.round() != null && Boolean.TRUE.equals(s.round().seedCommitted()));
    Round onChain = chain.contract().round();
    assertThat(harness.status(NAME).orElseThrow().round())
        .isEqualTo(
            new RoundStatus(
                1L,
                RoundState.BETTING,
                onChain.startTime().toString(),
                onChain.endTime().toString(),
                onChain.minDrawTime().toString(),
                onChain.maxDrawTime().toString(),
                "0.02",
                2L,
                true));
    assertThat(harness.status(NAME).orElseThrow().pendingTransaction()).isNull();

    // blocks come every second, nothing else changes: no status write
    harness.requests();
    List<String> quiet = new ArrayList<>();
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              quiet.addAll(harness.requests());
              return ControllerHarness.statusWrites(quiet).isEmpty();
            });

    chain.jumpTo(onChain.minDrawTime().minusSeconds(4));
    harness.awaitStatus(NAME, s -> s.lastResult() != null);
    LotteryRoundStatus drawn = harness.status(NAME).orElseThrow();
    assertThat(drawn.lastResult().outcome()).isEqualTo(RoundOutcome.DRAWN);
    assertThat(drawn.history()).containsExactly(drawn.lastResult());
    harness.awaitStatus(NAME, s -> s.round().state() != RoundState.BETTING);
    assertThat(ControllerHarness.statusWrites(harness.requests())).isNotEmpty();
    harness.assertKeyNeverShown(harness.operatorKeyHex());
  }

  @Test
  void aRoundWithTooFewPlayersIsRefunded() throws Exception {
    harness.createReady(NAME, harness.spec(NO_AUTO_START));
    String operator = chain.operator().address();
    long before = chain.nonce(operator);
    chain.bet(0);
    harness.awaitStatus(
        NAME, s -> s.round() != null && Long.valueOf(1).equals(s.round().participants()));

    chain.jumpTo(chain.contract().round().endTime().minusSeconds(2));

    await().atMost(PATIENCE).until(() -> !harness.events("RoundRefunded").isEmpty());
    Event refunded = harness.events("RoundRefunded").get(0);
    assertThat(refunded.getType()).isEqualTo("Normal");
    assertThat(refunded.getMessage())
        .isEqualTo("round 1 refunded: no seed was committed by the end of betting");
    harness.awaitStatus(
        NAME, s -> s.lastResult() != null && s.round().state() == RoundState.WAITING);
    LotteryRoundStatus status = harness.status(NAME).orElseThrow();
    RoundResult result = status.lastResult();
    assertThat(result.roundId()).isEqualTo(1L);
    assertThat(result.outcome()).isEqualTo(RoundOutcome.REFUNDED);
    assertThat(result.reason()).isEqualTo("no seed was committed by the end of betting");
    assertThat(result.winner()).isNull();
    assertThat(status.history()).containsExactly(result);
    TransactionReceipt refund =
        chain
            .web3j()
            .ethGetTransactionReceipt(result.transactionHash())
            .send()
            .getTransactionReceipt()
            .orElseThrow();
    assertThat(refund.getFrom()).isEqualToIgnoringCase(operator);
    assertThat(refund.getTo()).isEqualToIgnoringCase(chain.lottery());
    long refundTime =
        chain
            .web3j()
            .ethGetBlockByNumber(DefaultBlockParameter.valueOf(refund.getBlockNumber()), false)
            .send()
            .getBlock()
            .getTimestamp()
            .longValueExact();
    assertThat(Instant.parse(result.at())).isEqualTo(Instant.ofEpochSecond(refundTime));
    // no commitment for a lone player: the refund is the operator's only transaction
    assertThat(chain.nonce(operator)).isEqualTo(before + 1);
    assertThat(harness.eventReasons()).doesNotContain("SeedCommitted", "WinnerDrawn");
    harness.assertKeyNeverShown(harness.operatorKeyHex());
  }
}
