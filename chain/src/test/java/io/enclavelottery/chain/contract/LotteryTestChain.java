package io.enclavelottery.chain.contract;

import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.signer.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * A local Anvil chain with the lottery's cast, for integration tests: account 0 publishes
 * (deploys), account 1 operates, accounts 2 and up play. Sends prepared calls directly and moves
 * chain time instead of waiting. Closing it stops Anvil.
 */
public final class LotteryTestChain implements AutoCloseable {

  private final LocalAnvil anvil;
  private final Web3jService service;
  private final Web3j web3j;
  private final PlainTransactions transactions;

  private LotteryTestChain(LocalAnvil anvil) {
    this.anvil = anvil;
    this.service = Web3jConnector.service(anvil.httpUrl());
    this.web3j = Web3j.build(service);
    this.transactions = new PlainTransactions(web3j, new NodeRequests(anvil.httpUrl()));
  }

  /** Starts an Anvil that mines a block per transaction. */
  public static LotteryTestChain start() {
    LocalAnvil anvil = LocalAnvil.start(LocalAnvil.Options.defaults().automine());
    try {
      return new LotteryTestChain(anvil);
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  public LocalAnvil anvil() {
    return anvil;
  }

  public Web3j web3j() {
    return web3j;
  }

  public String rpcUrl() {
    return anvil.httpUrl();
  }

  public DevAccount publisher() {
    return anvil.account(0);
  }

  public DevAccount operator() {
    return anvil.account(1);
  }

  /** Player {@code index}, from 0 (Anvil's account 2 + index). */
  public DevAccount player(int index) {
    return anvil.account(2 + index);
  }

  /** Deploys with {@link LotteryDeployer.Options#forLocalChain} and this chain's operator. */
  public LotteryDeployer.Deployment deploy() {
    return deploy(LotteryDeployer.Options.forLocalChain(operator().address()));
  }

  public LotteryDeployer.Deployment deploy(LotteryDeployer.Options options) {
    return new LotteryDeployer(web3j, rpcUrl()).deploy(publisher().key(), options);
  }

  /** A facade over this chain's client (shut down by {@link #close()}). */
  public Web3jLotteryContract contract(String address) {
    return new Web3jLotteryContract(web3j, rpcUrl(), address);
  }

  /** Sends a prepared call from the account and waits for it to be mined successfully. */
  public TransactionReceipt send(DevAccount from, ContractCall call) {
    return send(from.key(), call);
  }

  public TransactionReceipt send(SigningKey from, ContractCall call) {
    return transactions.send(from, call);
  }

  /**
   * The operator commits {@code seed} for the lottery's current round, chain time moves into its
   * draw window, and {@code drawer} reveals the seed: the round is drawn.
   */
  public void commitAndDraw(Web3jLotteryContract lottery, Hex32 seed, DevAccount drawer) {
    Round betting = lottery.round();
    send(
        operator(),
        lottery.commitSeed(
            DrawMath.commitment(LocalAnvil.CHAIN_ID, lottery.address(), betting.roundId(), seed),
            betting.endTime()));
    mineAt(lottery.round().minDrawTime());
    send(drawer, lottery.drawWinner(seed));
  }

  /** Mines an empty block at the given time (which must be later than the latest block's). */
  public void mineAt(Instant time) {
    anvil.rpc("evm_setNextBlockTimestamp", time.getEpochSecond());
    anvil.rpc("evm_mine");
  }

  /** Moves chain time forward and mines a block there. */
  public void advance(Duration duration) {
    mineAt(latestBlockTime().plus(duration));
  }

  /** The latest block's timestamp. */
  public Instant latestBlockTime() {
    return anvil.latestBlockTime();
  }

  public long latestBlock() {
    try {
      return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
