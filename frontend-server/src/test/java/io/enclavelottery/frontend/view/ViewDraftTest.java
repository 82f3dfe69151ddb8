package io.enclavelottery.frontend.view;

import static io.enclavelottery.frontend.view.Events.ALICE;
import static io.enclavelottery.frontend.view.Events.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.contract.Participant;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.events.EndTimeExtended;
import io.enclavelottery.chain.events.LotteryEvent;
import io.enclavelottery.chain.events.MinBetAmountUpdated;
import io.enclavelottery.chain.events.Withdrawn;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How contract events change the view, as the contract changes its storage. */
class ViewDraftTest {

  private static final ViewLimits LIMITS = new ViewLimits(2, 5);

  private ViewState state = ViewState.initial(ViewSnapshot.empty(31337, Events.CONTRACT));
  private final List<ViewChange> changes = new ArrayList<>();

  @Test
  void aRoundIsBuiltFromItsEventsAndMovesToHistoryWhenDrawn() {
    apply(
        Events.waiting(1, 1),
        Events.opened(2, 1),
        Events.state(2, 1, RoundState.WAITING, RoundState.BETTING),
        Events.bet(2, 1, ALICE, 100, 100),
        Events.bet(3, 1, BOB, 300, 400),
        Events.bet(4, 1, ALICE, 50, 450),
        Events.committed(5, 1),
        new EndTimeExtended(Events.at(6), 1, Events.time(102), Events.time(162), Events.time(6)));
    Round round = state.snapshot().round().round();
    assertThat(round.state()).isEqualTo(RoundState.BETTING);
    assertThat(round.totalPot()).isEqualTo(450);
    assertThat(round.betCount()).isEqualTo(3);
    assertThat(round.participantCount()).isEqualTo(2);
    assertThat(round.endTime()).isEqualTo(Events.time(162));
    assertThat(round.minDrawTime()).isEqualTo(Events.time(192));
    assertThat(round.totalExtension()).isEqualTo(Duration.ofSeconds(60));
    assertThat(round.seedCommitted()).isTrue();
    assertThat(state.snapshot().participants().participants())
        .containsExactly(
            new Participant(ALICE, BigInteger.valueOf(150)),
            new Participant(BOB, BigInteger.valueOf(300)));

    apply(
        Events.state(7, 1, RoundState.BETTING, RoundState.DRAWING),
        Events.completed(7, 1, BOB, 450),
        Events.state(7, 1, RoundState.DRAWING, RoundState.COMPLETED),
        Events.waiting(7, 2),
        Events.state(7, 2, RoundState.COMPLETED, RoundState.WAITING));
    HistoryEntry drawn = state.snapshot().history().rounds().get(0);
    assertThat(drawn.round().state()).isEqualTo(RoundState.COMPLETED);
    assertThat(drawn.round().winner()).isEqualTo(BOB);
    assertThat(drawn.round().revealedSeed()).isEqualTo(Hex32.of(BigInteger.valueOf(42)));
    assertThat(drawn.round().betCount()).isEqualTo(3);
    assertThat(drawn.refundReason()).isEmpty();
    assertThat(state.snapshot().round().roundId()).isEqualTo(2);
    assertThat(state.snapshot().round().round().state()).isEqualTo(RoundState.WAITING);
    assertThat(state.snapshot().participants().participants()).isEmpty();
    assertThat(changes)
        .hasAtLeastOneElementOfType(ViewChange.HistoryChanged.class)
        .hasAtLeastOneElementOfType(ViewChange.ParticipantsChanged.class);
  }

  @Test
  void refundsAreOwedUntilClaimedAndATooFewPlayersRefundAwaitsItsSeed() {
    apply(
        Events.waiting(1, 1),
        Events.opened(2, 1),
        Events.bet(2, 1, ALICE, 100, 100),
        Events.bet(3, 1, BOB, 100, 200),
        Events.refunded(4, 1, 200, 2, ViewDraft.TOO_FEW_PLAYERS),
        Events.waiting(4, 2));
    assertThat(state.snapshot().refunds().roundsOf(ALICE)).containsExactly(1L);
    assertThat(state.snapshot().refunds().roundsOf(BOB)).containsExactly(1L);
    assertThat(state.roundsAwaitingSeed()).containsExactly(1L);
    assertThat(state.snapshot().history().rounds().get(0).refundReason())
        .contains(ViewDraft.TOO_FEW_PLAYERS);

    apply(Events.claimed(5, 1, ALICE, 100));
    assertThat(state.snapshot().refunds().roundsOf(ALICE)).isEmpty();
    assertThat(state.snapshot().refunds().roundsOf(BOB)).containsExactly(1L);
  }

  @Test
  void aPrizeTheWinnersWalletRefusedIsAnActivityThatSaysItWaitsForThem() {
    apply(Events.credited(8, 1, BOB, 427));

    ActivityItem credited = state.snapshot().activities().items().get(0);
    assertThat(credited.kind()).isEqualTo(ActivityKind.PRIZE_CREDITED);
    assertThat(credited.kind().wireName()).isEqualTo("prize_credited");
    assertThat(credited.roundId()).isEqualTo(1);
    assertThat(credited.actor()).contains(BOB);
    assertThat(credited.amount()).contains(BigInteger.valueOf(427));
    assertThat(credited.message())
        .isEqualTo(
            BOB
                + "'s wallet did not take the prize of round 1 when it was sent:"
                + " 0.000000000000000427 ETH waits in the contract for them to withdraw");
  }

  @Test
  void historyAndActivityKeepOnlyTheirCapacity() {
    List<LotteryEvent> events = new ArrayList<>();
    events.add(Events.waiting(1, 1));
    long block = 2;
    for (long id = 1; id <= 4; id++) {
      events.add(Events.opened(block, id));
      events.add(Events.bet(block++, id, ALICE, 10, 10));
      events.add(Events.refunded(block, id, 10, 1, "No seed committed"));
      events.add(Events.waiting(block++, id + 1));
    }
    apply(events.toArray(LotteryEvent[]::new));
    assertThat(state.snapshot().history().rounds())
        .extracting(HistoryEntry::roundId)
        .containsExactly(4L, 3L);
    assertThat(state.snapshot().activities().items()).hasSize(5);
    assertThat(state.snapshot().activities().items().get(0).kind())
        .isEqualTo(ActivityKind.ROUND_REFUNDED);
    assertThat(changes)
        .filteredOn(ViewChange.ActivityAdded.class::isInstance)
        .as("a batch announces at most a feed's worth of items")
        .hasSize(5);
  }

  @Test
  void refundClaimsAndWithdrawalsAreActivitiesNamingWhoTookWhat() {
    apply(
        Events.claimed(8, 1, ALICE, 1_000_000_000_000_000L),
        new Withdrawn(Events.at(9), BOB, BigInteger.TEN.pow(16), Events.time(9)));

    assertThat(state.snapshot().activities().items())
        .extracting(ActivityItem::kind, ActivityItem::message)
        .containsExactly(
            tuple(ActivityKind.WITHDRAWN, BOB + " withdrew 0.01 ETH the contract owed them"),
            tuple(ActivityKind.REFUND_CLAIMED, ALICE + " took the refund of round 1: 0.001 ETH"));
  }

  @Test
  void aRoundRefundedForTooFewPlayersSaysSoOnceTheSettingsAreKnown() {
    apply(Events.refunded(3, 1, 10, 1, "No seed committed"));
    assertThat(state.snapshot().activities().items().get(0).message())
        .isEqualTo("Round 1 refunded: No seed committed");

    ViewDraft draft = new ViewDraft(state, LIMITS);
    draft.settingsRead(
        new ConfigSnapshot(
            Events.CONTRACT, 31337, InMemoryLotteryContract.defaultSettings(ALICE), 3));
    draft.apply(Events.refunded(4, 2, 10, 1, "No seed committed"));
    draft.apply(Events.refunded(5, 3, 30, 3, "No seed committed"));
    state = draft.finish(new SyncStatus(31337, Events.CONTRACT, 5, 5, false)).state();

    assertThat(state.snapshot().activities().items())
        .extracting(ActivityItem::message)
        .startsWith(
            "Round 3 refunded: No seed committed",
            "Round 2 refunded: too few players (1 of the 2 needed), so no draw");
  }

  @Test
  void settingsEventsMarkTheSettingsForRereading() {
    ViewDraft draft = new ViewDraft(state, LIMITS);
    draft.settingsRead(
        new ConfigSnapshot(
            Events.CONTRACT, 31337, InMemoryLotteryContract.defaultSettings(ALICE), 1));
    assertThat(draft.configStale()).isFalse();
    draft.apply(
        new MinBetAmountUpdated(Events.at(2), BigInteger.ONE, BigInteger.TWO, Events.time(2)));
    assertThat(draft.configStale()).isTrue();
  }

  private void apply(LotteryEvent... events) {
    ViewDraft draft = new ViewDraft(state, LIMITS);
    for (LotteryEvent event : events) {
      draft.apply(event);
    }
    long block = events[events.length - 1].position().blockNumber();
    ViewDraft.Result result =
        draft.finish(new SyncStatus(31337, Events.CONTRACT, block, block, false));
    state = result.state();
    changes.addAll(result.changes());
  }
}
