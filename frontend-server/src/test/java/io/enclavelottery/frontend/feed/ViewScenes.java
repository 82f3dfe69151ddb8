package io.enclavelottery.frontend.feed;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Participant;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.frontend.view.ActivityItem;
import io.enclavelottery.frontend.view.ActivityKind;
import io.enclavelottery.frontend.view.ActivitySnapshot;
import io.enclavelottery.frontend.view.ConfigSnapshot;
import io.enclavelottery.frontend.view.HistoryEntry;
import io.enclavelottery.frontend.view.HistorySnapshot;
import io.enclavelottery.frontend.view.ParticipantsSnapshot;
import io.enclavelottery.frontend.view.RoundSnapshot;
import io.enclavelottery.frontend.view.SyncStatus;
import io.enclavelottery.frontend.view.UnclaimedRefunds;
import io.enclavelottery.frontend.view.ViewSnapshot;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Hand-made view states for feed tests and the fan-out benchmark, with values big enough to show
 * wei as strings.
 */
public final class ViewScenes {

  public static final long CHAIN_ID = 31337;
  public static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  public static final String OPERATOR = "0x70997970c51812dc3a010c7d01b50e0d17dc79c8";

  /** 1.5 ether: more than a JSON double holds exactly. */
  public static final BigInteger BIG_BET = new BigInteger("1500000000000000001");

  private static final Instant START = Instant.ofEpochSecond(1_700_000_000L);

  private ViewScenes() {}

  public static LotterySettings settings() {
    return new LotterySettings(
        "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266",
        OPERATOR,
        500,
        new BigInteger("1000000000000000"),
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        Duration.ofHours(1),
        Duration.ofMinutes(1),
        2,
        1000,
        new BigInteger("10000000000000000000"),
        new BigInteger("100000000000000000000"),
        0,
        false,
        Round.NO_ADDRESS,
        Instant.EPOCH,
        Duration.ofDays(1),
        Duration.ofDays(1));
  }

  public static Round round(long id, RoundState state, BigInteger pot, int players, String winner) {
    Instant start = START.plusSeconds(id * 1000);
    return new Round(
        id,
        start,
        start.plusSeconds(300),
        start.plusSeconds(310),
        start.plusSeconds(3900),
        pot,
        players,
        winner,
        BigInteger.ZERO,
        BigInteger.ZERO,
        state,
        Hex32.ZERO,
        Hex32.ZERO,
        players,
        Duration.ZERO,
        BigInteger.ZERO);
  }

  /** {@code count} players of round {@code roundId}, each betting {@link #BIG_BET}. */
  public static ParticipantsSnapshot participants(long roundId, int count, long block) {
    List<Participant> players = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      players.add(new Participant(String.format("0x%040x", 0x1000 + i), BIG_BET));
    }
    return new ParticipantsSnapshot(
        roundId, BIG_BET.multiply(BigInteger.valueOf(count)), players, block);
  }

  public static RoundSnapshot betting(long roundId, int players, long block) {
    return new RoundSnapshot(
        round(
            roundId,
            RoundState.BETTING,
            BIG_BET.multiply(BigInteger.valueOf(players)),
            players,
            Round.NO_ADDRESS),
        block);
  }

  public static HistorySnapshot history(long... completedRounds) {
    List<HistoryEntry> entries = new ArrayList<>();
    long block = -1;
    for (long id : completedRounds) {
      block = 100 + id;
      entries.add(
          new HistoryEntry(
              round(id, RoundState.COMPLETED, BIG_BET, 2, String.format("0x%040x", 0x1000)),
              START.plusSeconds(id * 1000 + 400),
              Optional.empty(),
              "0x" + "ab".repeat(32),
              block));
    }
    return new HistorySnapshot(entries, block);
  }

  public static ActivityItem bet(String id, long roundId, long block) {
    return new ActivityItem(
        id,
        ActivityKind.BET,
        roundId,
        Optional.of(String.format("0x%040x", 0x1000)),
        Optional.of(BIG_BET),
        "a bet",
        START.plusSeconds(block),
        block,
        "0x" + "cd".repeat(32));
  }

  /** Round 2 betting with two players, round 1 in the history, settings read at block 50. */
  public static ViewSnapshot initial() {
    return new ViewSnapshot(
        new SyncStatus(CHAIN_ID, CONTRACT, 120, 120, true),
        Optional.of(new ConfigSnapshot(CONTRACT, CHAIN_ID, settings(), 50)),
        betting(2, 2, 120),
        participants(2, 2, 120),
        history(1),
        ActivitySnapshot.EMPTY,
        UnclaimedRefunds.NONE);
  }

  /** The same view with the round and its players replaced (as a bet makes it). */
  public static ViewSnapshot withRound(
      ViewSnapshot view, RoundSnapshot round, ParticipantsSnapshot players) {
    return new ViewSnapshot(
        view.sync(),
        view.config(),
        round,
        players,
        view.history(),
        view.activities(),
        view.refunds());
  }
}
