package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.devnet.Opened;
import io.enclavelottery.chain.signer.CapturedLogs;
import io.enclavelottery.chain.verify.DrawVerification;
import io.enclavelottery.chain.verify.DrawVerifier;
import io.enclavelottery.operator.decision.DesiredSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The standalone keeper against a real Anvil with 1-second blocks: players bet from dev accounts,
 * the keeper alone commits, draws or refunds. Chain time jumps over the dull part of betting.
 */
class StandaloneKeeperIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @AutoClose private final Opened opened = new Opened();

  @Test
  void drivesARoundFromBetsToAVerifiedWinner() {
    KeeperChain chain = chain(Duration.ofSeconds(30));
    RecordingListener listener = new RecordingListener();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (CapturedLogs logs = new CapturedLogs()) {
      keeper(chain.keeperSettings(), registry, listener);

      chain.bet(0);
      chain.bet(1);
      chain.bet(2);
      await().atMost(PATIENCE).until(() -> listener.reasons().contains("SeedCommitted"));
      chain.jumpTo(chain.contract().round().minDrawTime().minusSeconds(4));
      await().atMost(PATIENCE).until(() -> listener.reasons().contains("WinnerDrawn"));

      Round drawn = chain.contract().roundById(1);
      assertThat(drawn.state()).isEqualTo(RoundState.COMPLETED);
      DrawVerification verification =
          DrawVerifier.overRpc(chain.web3j(), chain.anvil().httpUrl(), chain.lottery()).verify(1);
      assertThat(verification.matches()).as(verification.reason()).isTrue();
      KeeperEvent.WinnerDrawn event = winnerEvent(listener);
      assertThat(event.winner()).isEqualTo(drawn.winner());
      assertThat(listener.reasons()).containsExactly("SeedCommitted", "WinnerDrawn");
      assertThat(registry.get("lottery.draw.latency").summary().count()).isEqualTo(1);

      String key = chain.operator().key().credentials().getEcKeyPair().getPrivateKey().toString(16);
      List<String> reported = new ArrayList<>(listener.everything());
      reported.addAll(logs.lines());
      assertThat(reported).noneMatch(line -> line.contains(key));
      String seed = drawn.revealedSeed().hex().substring(2);
      assertThat(listener.everything()).noneMatch(line -> line.contains(seed));
    }
  }

  /** Over plain HTTP, polled: the path of a node without WebSocket. */
  @Test
  void refundsARoundThatNeverHadEnoughPlayers() {
    KeeperChain chain = chain(Duration.ofSeconds(30));
    RecordingListener listener = new RecordingListener();
    long operatorNonce = chain.nonce(chain.operator().address());
    StandaloneSettings overHttp = chain.keeperSettings();
    overHttp =
        new StandaloneSettings(
            chain.anvil().httpUrl(),
            overHttp.chainId(),
            overHttp.contract(),
            overHttp.signing(),
            overHttp.feePolicy(),
            overHttp.pollInterval(),
            false,
            false,
            false,
            DesiredSettings.keepOnChain());
    keeper(overHttp, new SimpleMeterRegistry(), listener);

    chain.bet(0);
    await()
        .atMost(PATIENCE)
        .until(() -> listener.statuses.stream().anyMatch(s -> s.plan().contains("1 of 2 players")));
    chain.jumpTo(chain.contract().round().endTime().minusSeconds(2));

    await().atMost(PATIENCE).until(() -> listener.reasons().contains("RoundRefunded"));
    assertThat(chain.contract().roundById(1).state()).isEqualTo(RoundState.REFUNDED);
    assertThat(listener.events)
        .extracting(KeeperEvent::message)
        .containsExactly("round 1 refunded: no seed was committed by the end of betting");
    // no commitment for a lone player: the refund is the operator's only transaction
    assertThat(chain.nonce(chain.operator().address())).isEqualTo(operatorNonce + 1);
  }

  @Test
  void aKeeperRestartedWithATransactionInFlightSendsNothingTwice() {
    KeeperChain chain = chain(Duration.ofSeconds(120));
    String operator = chain.operator().address();
    chain.bet(0);
    chain.bet(1);
    long before = chain.nonce(operator);

    chain.pauseMining();
    StandaloneKeeper first =
        StandaloneKeeper.start(
            chain.keeperSettings(), new SimpleMeterRegistry(), KeeperListener.none());
    await().atMost(PATIENCE).until(() -> chain.pendingNonce(operator) == before + 1);
    first.close();

    RecordingListener listener = new RecordingListener();
    StandaloneKeeper second = keeper(chain.keeperSettings(), new SimpleMeterRegistry(), listener);
    await()
        .atMost(PATIENCE)
        .until(() -> second.status().plan().contains("already in the node's pool"));
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> chain.pendingNonce(operator) == before + 1);

    chain.resumeMining();
    await().atMost(PATIENCE).until(() -> chain.contract().round().seedCommitted());
    await().atMost(PATIENCE).until(() -> second.status().plan().contains("is committed"));
    chain.jumpTo(chain.contract().round().minDrawTime().minusSeconds(4));
    await().atMost(PATIENCE).until(() -> listener.reasons().contains("WinnerDrawn"));
    // one commitment (sent by the first keeper) and one draw: nothing twice
    assertThat(chain.nonce(operator)).isEqualTo(before + 2);
    assertThat(listener.reasons()).doesNotContain("SeedCommitted", "TransactionFailed");
  }

  @Test
  void aKeyThatIsNotTheOperatorsSendsNothingAndSaysWhy() {
    KeeperChain chain = chain(Duration.ofSeconds(30));
    var stranger = chain.player(5);
    chain.bet(0);
    chain.bet(1);
    StandaloneKeeper keeper =
        keeper(
            chain.keeperSettings(stranger.key()), new SimpleMeterRegistry(), KeeperListener.none());

    await().atMost(PATIENCE).until(() -> keeper.status().problem().isPresent());
    Problem problem = keeper.status().problem().orElseThrow();
    assertThat(problem.kind()).isEqualTo(Problem.Kind.NOT_OPERATOR);
    assertThat(problem.message())
        .contains(stranger.address())
        .contains("is not the contract's operator " + chain.operator().address());
    await()
        .during(Duration.ofSeconds(2))
        .atMost(Duration.ofSeconds(5))
        .until(() -> chain.pendingNonce(stranger.address()) == 0);
    assertThat(chain.contract().round().seedCommitted()).isFalse();
  }

  private KeeperChain chain(Duration betting) {
    return opened.add(KeeperChain.start(betting));
  }

  private StandaloneKeeper keeper(
      StandaloneSettings settings, SimpleMeterRegistry registry, KeeperListener listener) {
    return opened.add(StandaloneKeeper.start(settings, registry, listener));
  }

  private static KeeperEvent.WinnerDrawn winnerEvent(RecordingListener listener) {
    return listener.events.stream()
        .filter(KeeperEvent.WinnerDrawn.class::isInstance)
        .map(KeeperEvent.WinnerDrawn.class::cast)
        .findFirst()
        .orElseThrow();
  }
}
