package io.enclavelottery.operator.decision;

import static io.enclavelottery.operator.decision.Scenario.END;
import static io.enclavelottery.operator.decision.Scenario.MAX_DRAW;
import static io.enclavelottery.operator.decision.Scenario.MIN_DRAW;
import static io.enclavelottery.operator.decision.Scenario.ROUND_ID;
import static io.enclavelottery.operator.decision.Scenario.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.RoundState;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The decision as a table: one row per case, read left to right as "in this state, with this round,
 * at this time, with these facts, the controller does this and looks again then".
 *
 * <p>Times: {@code T0} round start, {@code END} end of betting (T0 + 120 s), {@code MIN}/{@code
 * MAX} the draw window (END + 30 s, END + 120 s), {@code NOW} the row's time; {@code ±n} seconds.
 * With 1-s blocks the draw is sent at MIN-1, the extension window opens at END-30, a transaction
 * lands at NOW+1 and the longest sleep is 60 s.
 *
 * <p>Round: {@code open n} = no commitment, n players; {@code committed n}; two players are needed.
 *
 * <p>Facts: {@code auto} autoStart, {@code pause} the policy pauses, {@code extend}
 * extendWhenShort, {@code chainPaused} the contract is paused, {@code minBet}/{@code
 * duration}/{@code minPlayers} the policy wants another value, {@code pending} a transaction sent 5
 * s ago ({@code pending:n} n s ago), {@code stale} one sent 10 min ago, {@code unavailable} /
 * {@code lost} the seed, {@code broke} the balance pays no transaction, {@code smallBond} the bond
 * covers less than minBet × minParticipants, {@code slow} 12-s blocks, {@code cap:n} n s of
 * extensions used.
 */
class DecisionTableTest {

  @ParameterizedTest(name = "{0} | {1} | {2} | {3} -> {4} @ {5}")
  @CsvSource(
      delimiter = '|',
      nullValues = "''",
      textBlock =
          """
          # state   | round        | now     | facts                            | action                       | recheck  | reason says
          # ---- between rounds: pause, then settings, then start
          WAITING   | -            | T0      | -                                | None                         | NOW+60   | autoStart is off
          WAITING   | -            | T0      | auto                             | StartRound                   | NOW+1    | opening round 7
          WAITING   | -            | T0      | auto pause                       | SetPaused true               | NOW+1    | ''
          WAITING   | -            | T0      | pause                            | SetPaused true               | NOW+1    | ''
          WAITING   | -            | T0      | auto pause chainPaused           | None                         | NOW+60   | paused
          WAITING   | -            | T0      | auto chainPaused                 | SetPaused false              | NOW+1    | resumes
          WAITING   | -            | T0      | chainPaused                      | SetPaused false              | NOW+1    | ''
          WAITING   | -            | T0      | pause chainPaused minBet         | UpdateSetting minBetAmount   | NOW+1    | ''
          WAITING   | -            | T0      | auto pause minBet                | SetPaused true               | NOW+1    | ''
          WAITING   | -            | T0      | auto minBet                      | UpdateSetting minBetAmount   | NOW+1    | while the contract is WAITING
          WAITING   | -            | T0      | minBet                           | UpdateSetting minBetAmount   | NOW+1    | ''
          WAITING   | -            | T0      | auto minBet duration minPlayers  | UpdateSetting minBetAmount   | NOW+1    | ''
          WAITING   | -            | T0      | auto duration minPlayers         | UpdateSetting bettingDuration | NOW+1   | ''
          WAITING   | -            | T0      | auto minPlayers                  | UpdateSetting minParticipants | NOW+1   | ''
          WAITING   | -            | T0      | auto smallBond                   | None                         | NOW+60   | bond too small
          WAITING   | -            | T0      | smallBond                        | None                         | NOW+60   | autoStart is off
          WAITING   | -            | T0      | auto smallBond minBet            | UpdateSetting minBetAmount   | NOW+1    | ''
          WAITING   | -            | T0      | auto broke                       | None                         | NOW+60   | balance
          WAITING   | -            | T0      | auto pending                     | None                         | NOW+60   | waiting for the outcome
          WAITING   | -            | T0      | auto pending:590                 | None                         | NOW+10   | waiting for the outcome
          WAITING   | -            | T0      | auto stale                       | StartRound                   | NOW+1    | deciding afresh
          WAITING   | -            | T0      | auto stale broke                 | None                         | NOW+60   | deciding afresh
          # ---- betting, no commitment, short of players
          BETTING   | open 0       | END-60  | -                                | None                         | END      | waiting for players
          BETTING   | open 1       | END-60  | -                                | None                         | END      | ''
          BETTING   | open 0       | END-60  | extend                           | None                         | END-30   | extended from
          BETTING   | open 1       | END-31  | extend                           | None                         | END-30   | ''
          BETTING   | open 0       | END-30  | extend                           | ExtendBetting END+120        | NOW+1    | extending betting
          BETTING   | open 1       | END-10  | extend                           | ExtendBetting END+120        | NOW+1    | ''
          BETTING   | open 1       | END-1   | extend                           | ExtendBetting END+120        | NOW+1    | ''
          BETTING   | open 1       | END-10  | -                                | None                         | END      | ''
          BETTING   | open 1       | END-10  | extend cap:86285                 | ExtendBetting END+115        | NOW+1    | ''
          BETTING   | open 1       | END-10  | extend cap:86300                 | None                         | END      | reached the cap
          BETTING   | open 1       | END-10  | extend cap:86400                 | None                         | END      | reached the cap
          BETTING   | open 1       | END-10  | extend pending                   | None                         | NOW+60   | waiting for the outcome
          BETTING   | open 1       | END-10  | extend stale                     | ExtendBetting END+120        | NOW+1    | deciding afresh
          BETTING   | open 1       | END-10  | extend broke                     | None                         | NOW+60   | balance
          BETTING   | open 1       | END-10  | extend unavailable               | ExtendBetting END+120        | NOW+1    | ''
          BETTING   | open 1       | END     | extend                           | RefundExpiredRound           | NOW+1    | no seed was committed
          BETTING   | open 0       | END     | -                                | RefundExpiredRound           | NOW+1    | ''
          BETTING   | open 1       | END+10  | extend                           | RefundExpiredRound           | NOW+1    | ''
          BETTING   | open 1       | MIN+30  | -                                | RefundExpiredRound           | NOW+1    | ''
          BETTING   | open 0       | MAX+10  | -                                | RefundExpiredRound           | NOW+1    | ''
          BETTING   | open 0       | END-60  | pause                            | SetPaused true               | NOW+1    | a running round finishes
          BETTING   | open 0       | END-60  | chainPaused                      | SetPaused false              | NOW+1    | ''
          BETTING   | open 0       | END-60  | pause chainPaused                | None                         | END      | ''
          BETTING   | open 1       | END-10  | extend pause                     | ExtendBetting END+120        | NOW+1    | ''
          BETTING   | open 0       | END-60  | auto minBet                      | None                         | END      | ''
          # ---- betting, no commitment, enough players: commit with the current endTime
          BETTING   | open 2       | T0      | -                                | CommitSeed END               | NOW+1    | committing the seed
          BETTING   | open 2       | END-60  | -                                | CommitSeed END               | NOW+1    | ''
          BETTING   | open 5       | END-10  | extend                           | CommitSeed END               | NOW+1    | ''
          BETTING   | open 2       | END-1   | -                                | CommitSeed END               | NOW+1    | ''
          BETTING   | open 2       | END-10  | unavailable                      | None                         | END      | cannot supply a seed
          BETTING   | open 2       | END-10  | lost                             | None                         | END      | cannot supply a seed
          BETTING   | open 2       | END-10  | pause                            | CommitSeed END               | NOW+1    | ''
          BETTING   | open 2       | END-10  | unavailable pause                | SetPaused true               | NOW+1    | ''
          BETTING   | open 2       | END-10  | pending                          | None                         | NOW+60   | waiting for the outcome
          BETTING   | open 2       | END-10  | stale                            | CommitSeed END               | NOW+1    | deciding afresh
          BETTING   | open 2       | END-10  | broke                            | None                         | NOW+60   | balance
          BETTING   | open 2       | END     | -                                | RefundExpiredRound           | NOW+1    | ''
          BETTING   | open 2       | END+10  | -                                | RefundExpiredRound           | NOW+1    | ''
          BETTING   | open 2       | MIN-1   | -                                | RefundExpiredRound           | NOW+1    | ''
          BETTING   | open 2       | MAX+10  | -                                | RefundExpiredRound           | NOW+1    | ''
          BETTING   | open 2       | END-5   | slow                             | None                         | END      | would land after endTime
          BETTING   | open 2       | END-12  | slow                             | CommitSeed END               | NOW+12   | ''
          BETTING   | open 1       | END-5   | slow extend                      | None                         | END      | would land after endTime
          BETTING   | open 1       | END-37  | slow extend                      | None                         | END-36   | ''
          BETTING   | open 1       | END-36  | slow extend                      | ExtendBetting END+120        | NOW+12   | ''
          # ---- committed: draw sent one block ahead of minDrawTime, refunded after maxDrawTime
          BETTING   | committed 2  | END-60  | -                                | None                         | NOW+60   | ''
          BETTING   | committed 2  | END-10  | extend                           | None                         | MIN-1    | the draw is sent at
          BETTING   | committed 1  | END-10  | extend                           | None                         | MIN-1    | ''
          BETTING   | committed 2  | END     | -                                | None                         | MIN-1    | ''
          BETTING   | committed 2  | END+10  | -                                | None                         | MIN-1    | ''
          BETTING   | committed 2  | MIN-2   | -                                | None                         | MIN-1    | ''
          BETTING   | committed 2  | MIN-1   | -                                | Draw                         | NOW+1    | revealing the seed
          BETTING   | committed 2  | MIN     | -                                | Draw                         | NOW+1    | ''
          BETTING   | committed 5  | MIN+30  | -                                | Draw                         | NOW+1    | ''
          BETTING   | committed 2  | MAX-1   | -                                | Draw                         | NOW+1    | ''
          BETTING   | committed 1  | MIN-1   | -                                | Draw                         | NOW+1    | refunds without penalty
          BETTING   | committed 0  | MIN-1   | -                                | Draw                         | NOW+1    | refunds without penalty
          BETTING   | committed 2  | MAX     | -                                | RefundExpiredRound           | NOW+1    | bond pays the reveal penalty
          BETTING   | committed 2  | MAX+10  | -                                | RefundExpiredRound           | NOW+1    | ''
          BETTING   | committed 2  | MIN-1   | pause                            | Draw                         | NOW+1    | ''
          BETTING   | committed 2  | END+10  | pause                            | SetPaused true               | NOW+1    | ''
          BETTING   | committed 2  | MIN-1   | pending                          | None                         | NOW+60   | waiting for the outcome
          BETTING   | committed 2  | MIN-1   | stale                            | Draw                         | NOW+1    | deciding afresh
          BETTING   | committed 2  | MIN-1   | broke                            | None                         | NOW+60   | balance
          BETTING   | committed 2  | MIN-13  | slow                             | None                         | MIN-12   | ''
          BETTING   | committed 2  | MIN-12  | slow                             | Draw                         | NOW+12   | ''
          BETTING   | committed 2  | MAX-12  | slow                             | Draw                         | NOW+12   | ''
          BETTING   | committed 2  | MAX-5   | slow                             | None                         | MAX      | closes at
          BETTING   | committed 2  | END+10  | unavailable                      | None                         | MIN-1    | does not answer
          BETTING   | committed 2  | MIN+30  | unavailable                      | None                         | MAX      | bond pays the reveal penalty
          BETTING   | committed 2  | MAX     | unavailable                      | RefundExpiredRound           | NOW+1    | ''
          BETTING   | committed 2  | END-60  | lost                             | None                         | NOW+60   | nothing can be done until maxDrawTime
          BETTING   | committed 2  | END-1   | lost                             | None                         | NOW+60   | ''
          BETTING   | committed 2  | END     | lost                             | None                         | NOW+60   | nothing can be done until maxDrawTime
          BETTING   | committed 2  | MIN+30  | lost                             | None                         | MAX      | nothing can be done until maxDrawTime
          BETTING   | committed 2  | MAX+10  | lost                             | RefundExpiredRound           | NOW+1    | ''
          BETTING   | committed 2  | END-5   | slow lost                        | None                         | NOW+60   | nothing can be done
          # ---- states that last only inside a transaction
          DRAWING   | committed 2  | MIN     | auto                             | None                         | NOW+1    | reading again next block
          COMPLETED | committed 2  | MIN     | auto                             | None                         | NOW+1    | ''
          REFUNDED  | open 1       | END+10  | auto                             | None                         | NOW+1    | ''
          """)
  void decides(
      String state,
      String round,
      String now,
      String facts,
      String action,
      String recheck,
      String reasonSays) {
    Scenario scenario = new Scenario();
    scenario.state = RoundState.valueOf(state);
    if (!round.equals("-")) {
      String[] parts = round.split(" ");
      scenario.committed = parts[0].equals("committed");
      scenario.players = Long.parseLong(parts[1]);
    }
    scenario.now = time(now, T0);
    for (String fact : facts.split(" ")) {
      apply(scenario, fact);
    }

    Plan plan = scenario.plan();

    assertThat(plan.action()).isEqualTo(action(action, scenario.now));
    assertThat(plan.recheckAt()).isEqualTo(time(recheck, scenario.now));
    assertThat(plan.reason()).isNotBlank();
    Optional.ofNullable(reasonSays).ifPresent(text -> assertThat(plan.reason()).contains(text));
  }

  private static void apply(Scenario scenario, String fact) {
    String[] parts = fact.split(":");
    switch (parts[0]) {
      case "-" -> {}
      case "auto" -> scenario.autoStart = true;
      case "pause" -> scenario.paused = true;
      case "extend" -> scenario.extendWhenShort = true;
      case "chainPaused" -> scenario.chainPaused = true;
      case "minBet" -> scenario.newMinBet = true;
      case "duration" -> scenario.newDuration = true;
      case "minPlayers" -> scenario.newMinParticipants = true;
      case "pending" ->
          scenario.pendingAge =
              Optional.of(Duration.ofSeconds(parts.length > 1 ? Long.parseLong(parts[1]) : 5));
      case "stale" -> scenario.pendingAge = Optional.of(Scenario.PENDING_TIMEOUT);
      case "unavailable" -> scenario.seed = SeedAvailability.UNAVAILABLE;
      case "lost" -> scenario.seed = SeedAvailability.LOST;
      case "broke" -> scenario.broke = true;
      case "smallBond" -> scenario.smallBond = true;
      case "slow" -> scenario.blockTime = Duration.ofSeconds(12);
      case "cap" -> scenario.totalExtension = Duration.ofSeconds(Long.parseLong(parts[1]));
      default -> throw new IllegalArgumentException("unknown fact in the table: " + fact);
    }
  }

  private static Action action(String text, Instant now) {
    String[] parts = text.split(" ");
    return switch (parts[0]) {
      case "None" -> new Action.None();
      case "StartRound" -> new Action.StartRound();
      case "CommitSeed" -> new Action.CommitSeed(ROUND_ID, time(parts[1], now));
      case "ExtendBetting" -> new Action.ExtendBetting(ROUND_ID, time(parts[1], now));
      case "Draw" -> new Action.Draw(ROUND_ID);
      case "RefundExpiredRound" -> new Action.RefundExpiredRound(ROUND_ID);
      case "SetPaused" -> new Action.SetPaused(Boolean.parseBoolean(parts[1]));
      case "UpdateSetting" -> new Action.UpdateSetting(desired(parts[1]));
      default -> throw new IllegalArgumentException("unknown action in the table: " + text);
    };
  }

  private static Setting desired(String name) {
    return switch (name) {
      case "minBetAmount" -> new Setting.MinBetAmount(Scenario.DESIRED_MIN_BET);
      case "bettingDuration" -> new Setting.BettingDuration(Scenario.DESIRED_DURATION);
      case "minParticipants" -> new Setting.MinParticipants(Scenario.DESIRED_MIN_PARTICIPANTS);
      default -> throw new IllegalArgumentException("unknown setting in the table: " + name);
    };
  }

  /** {@code BASE}, {@code BASE+n} or {@code BASE-n}, BASE one of T0, END, MIN, MAX, NOW. */
  private static Instant time(String text, Instant now) {
    String[] parts = text.split("(?=[+-])", 2);
    Instant base =
        switch (parts[0]) {
          case "T0" -> T0;
          case "END" -> END;
          case "MIN" -> MIN_DRAW;
          case "MAX" -> MAX_DRAW;
          case "NOW" -> now;
          default -> throw new IllegalArgumentException("unknown time in the table: " + text);
        };
    return parts.length == 1 ? base : base.plusSeconds(Long.parseLong(parts[1]));
  }
}
