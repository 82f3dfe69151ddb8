package io.enclavelottery.chain.contract;

import io.enclavelottery.chain.generated.LotteryBinding;
import io.enclavelottery.chain.signer.SigningKey;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Convert;
import org.web3j.utils.Numeric;

/**
 * Deploys the lottery from the bytecode the binding was generated from, then funds the operator's
 * bond: what {@code lottery deploy}, dev mode and the integration tests do. Each transaction is
 * EIP-1559, simulated first (a revert is reported and nothing is sent) and waited for until mined.
 */
public final class LotteryDeployer {

  private final PlainTransactions transactions;

  /**
   * @param rpcUrl the client's URL, used only (redacted) in error messages
   */
  public LotteryDeployer(Web3j web3j, String rpcUrl) {
    this.transactions = new PlainTransactions(web3j, new NodeRequests(rpcUrl));
  }

  /**
   * What the constructor takes, and the bond to deposit.
   *
   * @param operator the initial operator's address; the contract refuses the zero address and the
   *     deployer's own
   * @param commissionBps the publisher's commission in basis points (the contract caps it)
   * @param revealPenaltyBps share of a pot taken from the bond when a reveal is withheld
   * @param operatorChangeDelay how long a newly proposed operator waits (the contract bounds it)
   * @param bond wei deposited as the operator's bond right after deployment; zero for none
   */
  public record Options(
      String operator,
      int commissionBps,
      int revealPenaltyBps,
      Duration operatorChangeDelay,
      BigInteger bond) {

    public Options {
      operator = Web3jLotteryContract.checkedAddress(operator);
      Objects.requireNonNull(operatorChangeDelay, "operatorChangeDelay");
      Objects.requireNonNull(bond, "bond");
      if (commissionBps < 0 || revealPenaltyBps < 0 || bond.signum() < 0) {
        throw new IllegalArgumentException("commission, penalty and bond must not be negative");
      }
    }

    /**
     * Settings for a local chain: 5 % commission, 10 % reveal penalty, a one-hour operator change
     * delay and a 10 ether bond (which covers pots up to 100 ether).
     */
    public static Options forLocalChain(String operator) {
      return new Options(
          operator,
          500,
          1_000,
          Duration.ofHours(1),
          Convert.toWei("10", Convert.Unit.ETHER).toBigIntegerExact());
    }

    public Options withBond(BigInteger newBond) {
      return new Options(operator, commissionBps, revealPenaltyBps, operatorChangeDelay, newBond);
    }

    public Options withOperatorChangeDelay(Duration delay) {
      return new Options(operator, commissionBps, revealPenaltyBps, delay, bond);
    }
  }

  /**
   * A deployed lottery.
   *
   * @param address the contract's address, lower-case {@code 0x} hex
   * @param blockNumber the block of the deployment: followers start reading events there
   * @param transactionHash the deployment transaction
   */
  public record Deployment(String address, long blockNumber, String transactionHash) {}

  /**
   * Deploys with {@code publisher} as the publisher (deployer), then deposits the bond from the
   * same account.
   *
   * @throws ContractCallException when the constructor or the deposit would revert
   * @throws ChainUnavailableException when the node cannot be asked or the transaction fails
   * @throws IllegalStateException when the build holds only the placeholder bytecode
   */
  public Deployment deploy(SigningKey publisher, Options options) {
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(options, "options");
    String bytecode = Numeric.cleanHexPrefix(LotteryBinding.BINARY.strip());
    if (bytecode.length() < 4) {
      throw new IllegalStateException(
          "this build holds no Lottery bytecode (contracts/abi/Lottery.bin is a placeholder):"
              + " run contracts/artifacts.sh write and rebuild");
    }
    @SuppressWarnings("rawtypes")
    List<org.web3j.abi.datatypes.Type> arguments =
        List.of(
            new Address(options.operator()),
            LotteryCalls.uint(options.commissionBps()),
            LotteryCalls.uint(options.revealPenaltyBps()),
            LotteryCalls.uint(options.operatorChangeDelay()));
    String data = "0x" + bytecode + FunctionEncoder.encodeConstructor(arguments);
    TransactionReceipt created =
        transactions.send(publisher, null, data, BigInteger.ZERO, "constructor");
    String address = Web3jLotteryContract.checkedAddress(created.getContractAddress());
    if (options.bond().signum() > 0) {
      ContractCall deposit = new LotteryCalls(address).depositBond(options.bond());
      transactions.send(publisher, deposit);
    }
    return new Deployment(
        address, created.getBlockNumber().longValueExact(), created.getTransactionHash());
  }
}
