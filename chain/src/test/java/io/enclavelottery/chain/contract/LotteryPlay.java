package io.enclavelottery.chain.contract;

import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Convert;

/**
 * Plays a deployed lottery on a local Anvil as its players and operator would (bets, commitment, a
 * jump of chain time into the draw window, the reveal; refunds). Made from an RPC URL, so a test
 * can make a new one after restarting Anvil. Test code for Anvil's public dev keys only.
 */
public final class LotteryPlay implements AutoCloseable {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Web3j web3j;
  private final Web3jLotteryContract lottery;
  private final LocalAnvil anvil;
  private final PlainTransactions transactions;
  private final long chainId;

  public LotteryPlay(LocalAnvil anvil, String contract) {
    this.anvil = anvil;
    this.web3j = Web3j.build(new HttpService(anvil.httpUrl()));
    this.lottery = new Web3jLotteryContract(web3j, anvil.httpUrl(), contract);
    this.transactions = new PlainTransactions(web3j, new NodeRequests(anvil.httpUrl()));
    this.chainId = lottery.chainId();
  }

  /** Deploys a lottery (publisher account 0, operator account 1, local-chain options). */
  public static LotteryDeployer.Deployment deploy(LocalAnvil anvil) {
    Web3j web3j = Web3j.build(new HttpService(anvil.httpUrl()));
    try {
      return new LotteryDeployer(web3j, anvil.httpUrl())
          .deploy(
              anvil.account(0).key(),
              LotteryDeployer.Options.forLocalChain(anvil.account(1).address()));
    } finally {
      web3j.shutdown();
    }
  }

  public DevAccount operator() {
    return anvil.account(1);
  }

  /** Player {@code index}, from 0 (Anvil's account 2 + index). */
  public DevAccount player(int index) {
    return anvil.account(2 + index);
  }

  public Web3jLotteryContract contract() {
    return lottery;
  }

  public static BigInteger ether(String amount) {
    return Convert.toWei(amount, Convert.Unit.ETHER).toBigIntegerExact();
  }

  public TransactionReceipt bet(DevAccount player, BigInteger wei) {
    return send(player, lottery.placeBet(wei));
  }

  /** Bets 0.01, 0.02, … ether from each player, commits, jumps into the draw window, reveals. */
  public Round drawnRound(DevAccount... players) {
    for (int i = 0; i < players.length; i++) {
      bet(players[i], ether("0.01").multiply(BigInteger.valueOf(i + 1)));
    }
    return commitAndDraw();
  }

  /** Commits a fresh seed for the current round, jumps into its draw window and reveals. */
  public Round commitAndDraw() {
    Round betting = lottery.round();
    Hex32 seed = Hex32.of(RANDOM.generateSeed(32));
    send(
        operator(),
        lottery.commitSeed(
            DrawMath.commitment(chainId, lottery.address(), betting.roundId(), seed),
            betting.endTime()));
    jumpTo(betting.minDrawTime());
    send(operator(), lottery.drawWinner(seed));
    return lottery.roundById(betting.roundId());
  }

  /** One bet and no commitment: once betting has closed, anyone may refund the round. */
  public Round refundedRound(DevAccount player) {
    bet(player, ether("0.01"));
    Round betting = lottery.round();
    jumpTo(betting.endTime().plusSeconds(1));
    send(player, lottery.refundExpiredRound());
    return lottery.roundById(betting.roundId());
  }

  /** Sends a prepared call from the account and waits for it to be mined successfully. */
  public TransactionReceipt send(DevAccount from, ContractCall call) {
    return transactions.send(from.key(), call);
  }

  /** Moves chain time to {@code time} (or one second on) and mines a block there. */
  public void jumpTo(Instant time) {
    long now = anvil.latestBlockTime().getEpochSecond();
    rpc("evm_increaseTime", Math.max(1, time.getEpochSecond() - now));
    rpc("evm_mine");
  }

  public void mine() {
    rpc("evm_mine");
  }

  public long head() {
    return lottery.blockNumber();
  }

  /** Anvil's {@code evm_snapshot}: an id to {@link #revert} to. */
  public String snapshot() {
    return rpcResult("evm_snapshot");
  }

  public void revert(String snapshot) {
    rpc("evm_revert", snapshot);
  }

  private void rpc(String method, Object... params) {
    rpcResult(method, params);
  }

  private String rpcResult(String method, Object... params) {
    return anvil.rpc(method, params).asText();
  }

  @Override
  public void close() {
    web3j.shutdown();
  }
}
