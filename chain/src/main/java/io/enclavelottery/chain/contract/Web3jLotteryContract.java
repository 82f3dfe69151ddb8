package io.enclavelottery.chain.contract;

import io.enclavelottery.chain.generated.LotteryBinding;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.utils.Numeric;

/**
 * {@link LotteryContract} over JSON-RPC with web3j: each read is one {@code eth_call} at the latest
 * block or at the block given to {@link #atBlock(long)}; {@link #settings()} makes several, pinned
 * to one block. Failures become {@link ChainUnavailableException} or {@link ContractCallException}
 * with messages that name the node only by its {@link RedactedUrl}.
 */
public final class Web3jLotteryContract implements LotteryContract, AutoCloseable {

  private final Web3j web3j;
  private final NodeRequests node;
  private final String address;
  private final OptionalLong pinnedBlock;
  private final AtomicLong chainId;
  private final boolean ownsClient;

  private Web3jLotteryContract(
      Web3j web3j,
      NodeRequests node,
      String address,
      OptionalLong pinnedBlock,
      AtomicLong chainId,
      boolean ownsClient) {
    this.web3j = Objects.requireNonNull(web3j, "web3j");
    this.node = node;
    this.address = checkedAddress(address);
    this.pinnedBlock = pinnedBlock;
    this.chainId = chainId;
    this.ownsClient = ownsClient;
  }

  /**
   * A contract over a client someone else owns and shuts down (such as the follower's WebSocket).
   *
   * @param rpcUrl the client's URL, used only (redacted) in error messages
   * @throws IllegalArgumentException when the address is not {@code 0x} and 40 hex digits
   */
  public Web3jLotteryContract(Web3j web3j, String rpcUrl, String address) {
    this(web3j, new NodeRequests(rpcUrl), address, OptionalLong.empty(), new AtomicLong(-1), false);
  }

  /**
   * Connects to an {@code http(s)://} or {@code ws(s)://} RPC URL through {@link Web3jConnector};
   * {@link #close()} disconnects.
   *
   * @throws ChainUnavailableException when a WebSocket cannot be opened
   * @throws IllegalArgumentException for another scheme or a malformed address
   */
  public static Web3jLotteryContract connect(String rpcUrl, String address) {
    checkedAddress(address);
    return new Web3jLotteryContract(
        Web3jConnector.connect(rpcUrl),
        new NodeRequests(rpcUrl),
        address,
        OptionalLong.empty(),
        new AtomicLong(-1),
        true);
  }

  @Override
  public String address() {
    return address;
  }

  @Override
  public long chainId() {
    long known = chainId.get();
    if (known < 0) {
      known = node.send("read the chain id", web3j.ethChainId()).getChainId().longValueExact();
      chainId.set(known);
    }
    return known;
  }

  @Override
  public long blockNumber() {
    if (pinnedBlock.isPresent()) {
      return pinnedBlock.getAsLong();
    }
    return node.send("read the latest block number", web3j.ethBlockNumber())
        .getBlockNumber()
        .longValueExact();
  }

  @Override
  public Web3jLotteryContract atBlock(long blockNumber) {
    if (blockNumber < 0) {
      throw new IllegalArgumentException("a block number must not be negative: " + blockNumber);
    }
    return new Web3jLotteryContract(
        web3j, node, address, OptionalLong.of(blockNumber), chainId, false);
  }

  @Override
  public boolean hasCode() {
    String code =
        node.send("read the code at " + address + at(), web3j.ethGetCode(address, block()))
            .getCode();
    return code != null && !Numeric.cleanHexPrefix(code).isEmpty();
  }

  @Override
  public long currentRoundId() {
    return read(LotteryViews.currentRoundId());
  }

  @Override
  public Round round() {
    return read(LotteryViews.getRound());
  }

  @Override
  public Round roundById(long roundId) {
    return read(LotteryViews.getRoundById(roundId));
  }

  @Override
  public LotterySettings settings() {
    Web3jLotteryContract at = pinnedBlock.isPresent() ? this : atBlock(blockNumber());
    LotteryViews.Config config = at.read(LotteryViews.getConfig());
    return new LotterySettings(
        config.publisher(),
        config.operator(),
        config.publisherCommissionBps(),
        config.minBetAmount(),
        config.bettingDuration(),
        config.minDrawDelayAfterEnd(),
        config.maxDrawDelayAfterEnd(),
        config.minEndTimeExtension(),
        config.minParticipants(),
        at.readUint(LotteryBinding.FUNC_REVEAL_PENALTY_BPS).intValueExact(),
        at.readUint(LotteryBinding.FUNC_OPERATORBOND),
        at.readUint(LotteryBinding.FUNC_MAXPOT),
        at.readUint(LotteryBinding.FUNC_UNREVEALEDROUNDS).longValueExact(),
        at.read(LotteryViews.boolView(LotteryBinding.FUNC_PAUSED)),
        at.read(LotteryViews.pendingOperator()),
        Instant.ofEpochSecond(
            at.readUint(LotteryBinding.FUNC_PENDINGOPERATOREFFECTIVEAT).longValueExact()),
        Duration.ofSeconds(at.readUint(LotteryBinding.FUNC_OPERATOR_CHANGE_DELAY).longValueExact()),
        Duration.ofSeconds(at.readUint(LotteryBinding.FUNC_MAX_TOTAL_EXTENSION).longValueExact()));
  }

  @Override
  public String operator() {
    return read(LotteryViews.operator());
  }

  @Override
  public List<Participant> participants(long offset, long limit) {
    return read(LotteryViews.getParticipants(offset, limit));
  }

  @Override
  public List<Participant> participants(long roundId, long offset, long limit) {
    return read(LotteryViews.getRoundParticipants(roundId, offset, limit));
  }

  @Override
  public List<Bet> bets(long roundId, long offset, long limit) {
    return read(LotteryViews.getBets(roundId, offset, limit));
  }

  @Override
  public BigInteger betAmount(String player) {
    return read(LotteryViews.getBetAmount(player));
  }

  @Override
  public BigInteger betAmount(long roundId, String player) {
    return read(LotteryViews.getRoundBetAmount(roundId, player));
  }

  @Override
  public BigInteger pendingWithdrawal(String account) {
    return read(LotteryViews.pendingWithdrawals(account));
  }

  @Override
  public BigInteger refundOwed(long roundId, String player) {
    return read(LotteryViews.refundOwed(roundId, player));
  }

  @Override
  public Hex32 computeCommitment(long roundId, Hex32 seed) {
    return read(LotteryViews.computeCommitment(roundId, seed));
  }

  /** Shuts the client down when {@link #connect} opened it; otherwise does nothing. */
  @Override
  public void close() {
    if (ownsClient) {
      web3j.shutdown();
    }
  }

  @Override
  public String toString() {
    return "Web3jLotteryContract[" + address + " via " + node.endpoint() + at() + "]";
  }

  private BigInteger readUint(String function) {
    return read(LotteryViews.uintView(function));
  }

  private <T> T read(ViewCall<T> view) {
    Transaction call = Transaction.createEthCallTransaction(null, address, view.encodedCall());
    EthCall answer =
        node.sendContractCall(
            view.name(), "the lottery at " + address + at(), web3j.ethCall(call, block()));
    String value = answer.getValue();
    if (value == null || Numeric.cleanHexPrefix(value).isEmpty()) {
      throw new ContractCallException(
          view.name(),
          "no contract code",
          view.name()
              + " returned nothing: there is no contract at "
              + address
              + " on "
              + node.endpoint()
              + at());
    }
    try {
      return view.decode(value);
    } catch (RuntimeException e) {
      throw new ContractCallException(
          view.name(),
          "unexpected answer",
          view.name()
              + " of "
              + address
              + " returned data of an unexpected shape"
              + " (is it a lottery of this version?): "
              + e.getMessage());
    }
  }

  private String at() {
    return pinnedBlock.isPresent() ? " (at block " + pinnedBlock.getAsLong() + ")" : "";
  }

  private DefaultBlockParameter block() {
    return pinnedBlock.isPresent()
        ? DefaultBlockParameter.valueOf(BigInteger.valueOf(pinnedBlock.getAsLong()))
        : DefaultBlockParameterName.LATEST;
  }

  static String checkedAddress(String address) {
    Objects.requireNonNull(address, "address");
    String trimmed = address.strip();
    if (!trimmed.startsWith("0x") || !WalletUtils.isValidAddress(trimmed)) {
      throw new IllegalArgumentException(
          "an address is 0x followed by 40 hex digits, got '" + trimmed + "'");
    }
    return trimmed.toLowerCase(Locale.ROOT);
  }
}
