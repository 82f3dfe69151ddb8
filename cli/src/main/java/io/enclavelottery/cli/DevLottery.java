package io.enclavelottery.cli;

import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Convert;

/**
 * The lottery dev mode plays on: deployed on a local Anvil with account 0 as publisher and the
 * given operator (account 1, or the enclave signer's generated address), a bond deposited, and
 * rounds short enough that something happens within a minute (30 s of betting, a draw window from 5
 * s to 60 s after it). The other dev accounts are players.
 *
 * @param anvil the node it runs on
 * @param address the contract
 * @param deploymentBlock the block it was deployed in
 * @param operator the operator's address
 * @param players the players' dev accounts
 */
record DevLottery(
    LocalAnvil anvil,
    String address,
    long deploymentBlock,
    String operator,
    List<DevAccount> players) {

  static final Duration BETTING = Duration.ofSeconds(30);
  static final Duration MIN_DRAW_DELAY = Duration.ofSeconds(5);
  static final Duration MAX_DRAW_DELAY = Duration.ofSeconds(60);
  static final BigInteger MIN_BET = Convert.toWei("0.01", Convert.Unit.ETHER).toBigIntegerExact();
  private static final Duration OPERATOR_CHANGE_DELAY = Duration.ofMinutes(5);
  private static final String HUNDRED_ETHER = "0x56bc75e2d63100000";

  /** The dev account that operates the lottery when no enclave signer does. */
  static DevAccount devOperator(LocalAnvil anvil) {
    return anvil.accounts().get(1);
  }

  /**
   * Deploys and configures the lottery on {@code anvil}, operated by {@code operator}. An operator
   * that is not one of the node's dev accounts (the enclave signer's key, which never leaves it) is
   * given 100 ether, and the node sends its first settings for it (Anvil's impersonation).
   */
  static DevLottery deploy(LocalAnvil anvil, String operator) throws InterruptedException {
    List<DevAccount> accounts = anvil.accounts();
    DevAccount publisher = accounts.get(0);
    Web3j web3j = Web3j.build(new HttpService(anvil.httpUrl()));
    LotteryDeployer.Deployment deployment;
    try {
      deployment =
          new LotteryDeployer(web3j, anvil.httpUrl())
              .deploy(
                  publisher.key(),
                  LotteryDeployer.Options.forLocalChain(operator)
                      .withOperatorChangeDelay(OPERATOR_CHANGE_DELAY));
    } finally {
      web3j.shutdown();
    }
    boolean devAccount = accounts.stream().anyMatch(a -> a.address().equalsIgnoreCase(operator));
    if (!devAccount) {
      anvil.rpc("anvil_setBalance", operator, HUNDRED_ETHER);
      anvil.rpc("anvil_impersonateAccount", operator);
    }
    try {
      LotteryCalls calls = new LotteryCalls(deployment.address());
      DevTransactions transactions = new DevTransactions(anvil);
      transactions.sendAndWait(operator, calls.updateBettingDuration(BETTING));
      transactions.sendAndWait(operator, calls.updateDrawDelays(MIN_DRAW_DELAY, MAX_DRAW_DELAY));
      transactions.sendAndWait(operator, calls.updateMinBetAmount(MIN_BET));
    } finally {
      if (!devAccount) {
        anvil.rpc("anvil_stopImpersonatingAccount", operator);
      }
    }
    return new DevLottery(
        anvil,
        deployment.address(),
        deployment.blockNumber(),
        operator,
        List.copyOf(accounts.subList(2, accounts.size())));
  }
}
