package io.enclavelottery.chain.contract;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A {@link LotteryContract} held in memory, for unit tests here and in other modules (the chain
 * test-jar): set rounds, bets and settings, read them back as the contract would. Participants and
 * bet amounts are derived from the bets. It checks nothing a real contract would enforce.
 */
public final class InMemoryLotteryContract implements LotteryContract {

  private final State state;
  private final Long pinnedBlock;

  private static final class State {
    final String address;
    long chainId = 31337;
    long blockNumber = 1;
    boolean hasCode = true;
    final TreeMap<Long, Round> rounds = new TreeMap<>();
    final Map<Long, List<Bet>> bets = new HashMap<>();
    final Map<String, BigInteger> pendingWithdrawals = new HashMap<>();
    final Map<String, BigInteger> refundsOwed = new HashMap<>();
    LotterySettings settings;

    State(String address) {
      this.address = address;
    }
  }

  public InMemoryLotteryContract(String address) {
    this(new State(Objects.requireNonNull(address, "address").toLowerCase()), null);
    state.settings = defaultSettings(address);
  }

  private InMemoryLotteryContract(State state, Long pinnedBlock) {
    this.state = state;
    this.pinnedBlock = pinnedBlock;
  }

  /** Adds or replaces a round; the highest round id is the current round. */
  public InMemoryLotteryContract putRound(Round round) {
    state.rounds.put(round.roundId(), round);
    return this;
  }

  /** Sets a round's bets in order. */
  public InMemoryLotteryContract putBets(long roundId, List<Bet> bets) {
    state.bets.put(roundId, List.copyOf(bets));
    return this;
  }

  public InMemoryLotteryContract putSettings(LotterySettings settings) {
    state.settings = settings;
    return this;
  }

  public InMemoryLotteryContract putPendingWithdrawal(String account, BigInteger wei) {
    state.pendingWithdrawals.put(account.toLowerCase(), wei);
    return this;
  }

  public InMemoryLotteryContract putRefundOwed(long roundId, String player, BigInteger wei) {
    state.refundsOwed.put(roundId + "/" + player.toLowerCase(), wei);
    return this;
  }

  public InMemoryLotteryContract setChainId(long chainId) {
    state.chainId = chainId;
    return this;
  }

  public InMemoryLotteryContract setBlockNumber(long blockNumber) {
    state.blockNumber = blockNumber;
    return this;
  }

  public InMemoryLotteryContract setHasCode(boolean hasCode) {
    state.hasCode = hasCode;
    return this;
  }

  /** Settings a freshly deployed lottery might have, with the given address as operator. */
  public static LotterySettings defaultSettings(String operator) {
    return new LotterySettings(
        operator.toLowerCase(),
        operator.toLowerCase(),
        500,
        BigInteger.valueOf(1_000),
        Duration.ofMinutes(5),
        Duration.ofSeconds(10),
        Duration.ofMinutes(10),
        Duration.ofSeconds(30),
        2,
        1_000,
        BigInteger.TEN.pow(19),
        BigInteger.TEN.pow(20),
        0,
        false,
        Round.NO_ADDRESS,
        Instant.EPOCH,
        Duration.ofHours(1),
        Duration.ofMinutes(15));
  }

  @Override
  public String address() {
    return state.address;
  }

  @Override
  public long chainId() {
    return state.chainId;
  }

  @Override
  public long blockNumber() {
    return pinnedBlock != null ? pinnedBlock : state.blockNumber;
  }

  @Override
  public LotteryContract atBlock(long blockNumber) {
    return new InMemoryLotteryContract(state, blockNumber);
  }

  @Override
  public boolean hasCode() {
    return state.hasCode;
  }

  @Override
  public long currentRoundId() {
    return state.rounds.isEmpty() ? 0 : state.rounds.lastKey();
  }

  @Override
  public Round round() {
    return roundById(currentRoundId());
  }

  @Override
  public Round roundById(long roundId) {
    Round round = state.rounds.get(roundId);
    if (round == null) {
      throw new ContractCallException(
          "getRoundById",
          "UnknownRound(" + roundId + ")",
          "getRoundById reverted: UnknownRound(" + roundId + ")");
    }
    return round;
  }

  @Override
  public LotterySettings settings() {
    return state.settings;
  }

  @Override
  public String operator() {
    return state.settings.operator();
  }

  @Override
  public List<Participant> participants(long offset, long limit) {
    return participants(currentRoundId(), offset, limit);
  }

  @Override
  public List<Participant> participants(long roundId, long offset, long limit) {
    Map<String, BigInteger> totals = new LinkedHashMap<>();
    BigInteger previous = BigInteger.ZERO;
    for (Bet bet : state.bets.getOrDefault(roundId, List.of())) {
      totals.merge(bet.bettor(), bet.cumulativeTotal().subtract(previous), BigInteger::add);
      previous = bet.cumulativeTotal();
    }
    List<Participant> all = new ArrayList<>();
    totals.forEach((player, amount) -> all.add(new Participant(player, amount)));
    return page(all, offset, limit);
  }

  @Override
  public List<Bet> bets(long roundId, long offset, long limit) {
    return page(state.bets.getOrDefault(roundId, List.of()), offset, limit);
  }

  @Override
  public BigInteger betAmount(String player) {
    return betAmount(currentRoundId(), player);
  }

  @Override
  public BigInteger betAmount(long roundId, String player) {
    return participants(roundId, 0, Long.MAX_VALUE).stream()
        .filter(p -> p.address().equalsIgnoreCase(player))
        .map(Participant::amount)
        .findFirst()
        .orElse(BigInteger.ZERO);
  }

  @Override
  public BigInteger pendingWithdrawal(String account) {
    return state.pendingWithdrawals.getOrDefault(account.toLowerCase(), BigInteger.ZERO);
  }

  @Override
  public BigInteger refundOwed(long roundId, String player) {
    return state.refundsOwed.getOrDefault(roundId + "/" + player.toLowerCase(), BigInteger.ZERO);
  }

  @Override
  public Hex32 computeCommitment(long roundId, Hex32 seed) {
    return DrawMath.commitment(state.chainId, state.address, roundId, seed);
  }

  private static <T> List<T> page(List<T> all, long offset, long limit) {
    if (offset >= all.size()) {
      return List.of();
    }
    long end = Math.min(all.size(), offset + Math.min(limit, all.size()));
    return List.copyOf(all.subList((int) offset, (int) end));
  }
}
