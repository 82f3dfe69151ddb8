package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.contract.RevertDecoder;
import io.enclavelottery.chain.contract.Web3jConnector;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.signer.LocalKeySigner;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.BlockWait;
import io.enclavelottery.chain.tx.Eip1559TransactionSender;
import io.enclavelottery.chain.tx.FeePolicy;
import io.enclavelottery.chain.tx.ReceiptPolicy;
import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.chain.tx.Web3jTransactionRpc;
import io.enclavelottery.operator.decision.DesiredSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * A real Anvil with 1-second blocks and a deployed lottery, for the keeper's integration tests and
 * its benchmark: account 0 publishes, account 1 operates, accounts 2 and up play. Rounds are made
 * short (betting 10 s, draw window from 1 s after the end), bets are sent and waited for through
 * the real transaction sender, and chain time can jump ahead. Closing it stops Anvil.
 */
public final class KeeperChain implements AutoCloseable {

  public static final BigInteger BET = BigInteger.TEN.pow(16);

  private static final ReceiptPolicy QUICK_RECEIPTS =
      ReceiptPolicy.defaults().withPollInterval(Duration.ofMillis(100));

  private final LocalAnvil anvil;
  private final Web3jService service;
  private final Web3j web3j;
  private final String lottery;

  private KeeperChain(LocalAnvil anvil, Duration betting) {
    this.anvil = anvil;
    this.service = Web3jConnector.service(anvil.httpUrl());
    this.web3j = Web3j.build(service);
    this.lottery = deployLottery(operator(), betting);
  }

  /**
   * Starts Anvil with 1-second blocks and deploys a lottery operated by account 1 whose betting
   * runs {@code betting} (see {@link #deployLottery}).
   */
  public static KeeperChain start(Duration betting) {
    LocalAnvil anvil = LocalAnvil.start(LocalAnvil.Options.defaults());
    try {
      return new KeeperChain(anvil, betting);
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  /**
   * Deploys a lottery operated by {@code operator}, with betting of {@code betting} and the draw
   * window [end + 1 s, end + 11 s]; returns its address.
   */
  public String deployLottery(DevAccount operator, Duration betting) {
    String address =
        new LotteryDeployer(web3j, anvil.httpUrl())
            .deploy(
                anvil.account(0).key(), LotteryDeployer.Options.forLocalChain(operator.address()))
            .address();
    Web3jLotteryContract contract = contract(address);
    sendOk(operator, contract.updateBettingDuration(betting));
    sendOk(operator, contract.updateDrawDelays(Duration.ofSeconds(1), Duration.ofSeconds(11)));
    return address;
  }

  public LocalAnvil anvil() {
    return anvil;
  }

  public Web3j web3j() {
    return web3j;
  }

  public String lottery() {
    return lottery;
  }

  public DevAccount operator() {
    return anvil.account(1);
  }

  /** Player {@code index}, from 0 (Anvil's account 2 + index). */
  public DevAccount player(int index) {
    return anvil.account(2 + index);
  }

  public Web3jLotteryContract contract() {
    return contract(lottery);
  }

  public Web3jLotteryContract contract(String address) {
    return new Web3jLotteryContract(web3j, anvil.httpUrl(), address);
  }

  /** Settings for a standalone keeper of this lottery, with the operator's key, over WebSocket. */
  public StandaloneSettings keeperSettings() {
    return keeperSettings(operator().key());
  }

  public StandaloneSettings keeperSettings(SigningKey key) {
    return keeperSettings(lottery, new OperatorSigning.LocalKey(key));
  }

  /** Settings for a standalone keeper of the lottery at {@code address}, over WebSocket. */
  public StandaloneSettings keeperSettings(String address, OperatorSigning signing) {
    return new StandaloneSettings(
        anvil.wsUrl(),
        LocalAnvil.CHAIN_ID,
        address,
        signing,
        FeePolicy.defaults(),
        Duration.ofMillis(500),
        false,
        false,
        false,
        DesiredSettings.keepOnChain());
  }

  /** Player {@code index} bets {@link #BET} and waits until it is mined. */
  public void bet(int index) {
    bet(lottery, index);
  }

  public void bet(String address, int index) {
    sendOk(player(index), contract(address).placeBet(BET));
  }

  /** Sends a call from the account and waits for it to be mined successfully. */
  public void sendOk(DevAccount from, ContractCall call) {
    SendResult result = senderFor(from.key()).send(call);
    if (!result.succeeded()) {
      throw new IllegalStateException(result.describe());
    }
  }

  /** A sender for the account, simulating at the pending block, polling receipts every 100 ms. */
  public Eip1559TransactionSender senderFor(SigningKey key) {
    return new Eip1559TransactionSender(
        new Web3jTransactionRpc(web3j),
        new LocalKeySigner(key),
        LocalAnvil.CHAIN_ID,
        RevertDecoder.lottery(),
        FeePolicy.defaults(),
        QUICK_RECEIPTS,
        Clock.systemUTC(),
        BlockWait.fixedInterval());
  }

  /** A block's timestamp. */
  public Instant blockTime(long number) {
    try {
      return Instant.ofEpochSecond(
          web3j
              .ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(number)), false)
              .send()
              .getBlock()
              .getTimestamp()
              .longValueExact());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The account's mined transactions. */
  public long nonce(String address) {
    return count(address, DefaultBlockParameterName.LATEST);
  }

  /** The account's transactions, mined or waiting in the pool. */
  public long pendingNonce(String address) {
    return count(address, DefaultBlockParameterName.PENDING);
  }

  private long count(String address, DefaultBlockParameterName block) {
    try {
      return web3j
          .ethGetTransactionCount(address, block)
          .send()
          .getTransactionCount()
          .longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Moves chain time ahead so that the next block is stamped about {@code target}. */
  public void jumpTo(Instant target) {
    long ahead = target.getEpochSecond() - latestBlockTime().getEpochSecond() - 1;
    if (ahead > 0) {
      call("evm_increaseTime", ahead);
    }
  }

  /** The latest block's timestamp. */
  public Instant latestBlockTime() {
    return anvil.latestBlockTime();
  }

  /** Stops mining blocks (transactions wait in the pool). */
  public void pauseMining() {
    call("evm_setIntervalMining", 0);
  }

  /** Mines a block every second again. */
  public void resumeMining() {
    call("evm_setIntervalMining", 1);
  }

  void call(String method, Object... params) {
    anvil.rpc(method, params);
  }

  @Override
  public void close() {
    try {
      web3j.shutdown();
    } finally {
      anvil.close();
    }
  }
}
