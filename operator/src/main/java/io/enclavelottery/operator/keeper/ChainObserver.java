package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.Ether;
import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.operator.decision.OperatorBalance;
import java.util.Objects;

/**
 * A keeper's look at the chain: that the node is on the configured chain and there is a contract
 * (checked again after every failure), then at the latest block the round, the settings, that the
 * key is the operator's, that it can pay for gas, and how many of its transactions wait in the
 * node's pool. Used on the keeper's thread only.
 */
final class ChainObserver {

  /** What a look found. */
  sealed interface Look {}

  /** Something stops the keeper from acting. */
  record Blocked(Problem problem) implements Look {}

  /**
   * The chain as the decision needs it.
   *
   * @param inPool the operator's transactions waiting in the node's pool
   */
  record Seen(
      ChainView.LatestBlock head,
      Round round,
      LotterySettings settings,
      OperatorBalance funds,
      long inPool)
      implements Look {}

  private final LotteryContract contract;
  private final ChainView chain;
  private final String operator;
  private final KeeperConfig config;
  private final KeeperMetrics metrics;
  private boolean chainVerified;

  ChainObserver(
      LotteryContract contract,
      ChainView chain,
      String operator,
      KeeperConfig config,
      KeeperMetrics metrics) {
    this.contract = Objects.requireNonNull(contract, "contract");
    this.chain = Objects.requireNonNull(chain, "chain");
    this.operator = Objects.requireNonNull(operator, "operator");
    this.config = Objects.requireNonNull(config, "config");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /**
   * Looks at the chain.
   *
   * @throws io.enclavelottery.chain.RpcException when the node cannot be asked
   * @throws io.enclavelottery.chain.contract.ContractCallException when the contract's reads fail
   */
  Look look() {
    if (!chainVerified) {
      Problem wrongChain = verifyChain();
      if (wrongChain != null) {
        return new Blocked(wrongChain);
      }
      chainVerified = true;
    }
    ChainView.LatestBlock head = chain.latestBlock();
    LotteryContract atHead = contract.atBlock(head.number());
    Round round = atHead.round();
    LotterySettings settings = atHead.settings();
    if (!settings.operator().equalsIgnoreCase(operator)) {
      return new Blocked(
          new Problem(
              Problem.Kind.NOT_OPERATOR,
              "the key's address "
                  + operator
                  + " is not the contract's operator "
                  + settings.operator()
                  + ": use the operator's key, or have the publisher propose this address"));
    }
    OperatorBalance funds =
        new OperatorBalance(chain.balance(operator), config.transactionCost(head.baseFee()));
    metrics.funds(funds.balance(), settings.operatorBond());
    if (!funds.coversTransaction()) {
      return new Blocked(
          new Problem(
              Problem.Kind.BALANCE_TOO_LOW,
              "the operator "
                  + operator
                  + " holds "
                  + Ether.text(funds.balance())
                  + ", less than the "
                  + Ether.text(funds.transactionCost())
                  + " one transaction may cost at the current base fee: send it ether"));
    }
    return new Seen(head, round, settings, funds, chain.nonces(operator).inPool());
  }

  /** After a failure the node may be another: check its chain and the contract again. */
  void forgetChain() {
    chainVerified = false;
  }

  private Problem verifyChain() {
    long chainId = chain.chainId();
    if (chainId != config.expectedChainId()) {
      return new Problem(
          Problem.Kind.CHAIN_ID_MISMATCH,
          "the node is on chain "
              + chainId
              + ", not on the configured chain "
              + config.expectedChainId()
              + ": check the RPC URL and the chain id");
    }
    if (!contract.hasCode()) {
      return new Problem(
          Problem.Kind.NO_CONTRACT,
          "there is no contract at "
              + contract.address()
              + " on chain "
              + chainId
              + ": check the contract address");
    }
    return null;
  }
}
