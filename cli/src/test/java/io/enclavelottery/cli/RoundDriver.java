package io.enclavelottery.cli;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.DrawMath;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.signer.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Instant;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Convert;

/**
 * Plays rounds of a deployed lottery on a local Anvil, as players and operator would: bets,
 * commitment, a jump of chain time into the draw window, the reveal. Test code, for a chain whose
 * keys are Anvil's public dev keys.
 */
final class RoundDriver implements AutoCloseable {

  private static final BigInteger GAS_LIMIT = BigInteger.valueOf(1_000_000);

  private final LocalAnvil anvil;
  private final Web3j web3j;
  private final Web3jLotteryContract lottery;
  private final LotteryCalls calls;
  private final long chainId;

  RoundDriver(LocalAnvil anvil, String contract) {
    this.anvil = anvil;
    this.web3j = Web3j.build(new HttpService(anvil.httpUrl()));
    this.lottery = new Web3jLotteryContract(web3j, anvil.httpUrl(), contract);
    this.calls = new LotteryCalls(contract);
    this.chainId = lottery.chainId();
  }

  /** Bets from each player in turn, then commits, jumps into the draw window and reveals. */
  Round drawnRound(SigningKey operator, SigningKey... players) {
    for (int i = 0; i < players.length; i++) {
      send(players[i], calls.placeBet(ether("0.01").multiply(BigInteger.valueOf(i + 1))));
    }
    Round betting = lottery.round();
    Hex32 seed = randomSeed();
    send(
        operator,
        calls.commitSeed(
            DrawMath.commitment(chainId, lottery.address(), betting.roundId(), seed),
            betting.endTime()));
    jumpTo(betting.minDrawTime());
    send(players[0], calls.drawWinner(seed));
    return lottery.roundById(betting.roundId());
  }

  /** One bet and no commitment: once betting has closed, anyone may refund the round. */
  Round refundedRound(SigningKey player) {
    send(player, calls.placeBet(ether("0.01")));
    Round betting = lottery.round();
    jumpTo(betting.endTime().plusSeconds(1));
    send(player, calls.refundExpiredRound());
    return lottery.roundById(betting.roundId());
  }

  long blockNumber() {
    return lottery.blockNumber();
  }

  @Override
  public void close() {
    web3j.shutdown();
  }

  private void send(SigningKey from, ContractCall call) {
    try {
      BigInteger gasPrice = web3j.ethGasPrice().send().getGasPrice().multiply(BigInteger.TWO);
      RawTransactionManager manager = new RawTransactionManager(web3j, from.credentials(), chainId);
      EthSendTransaction sent =
          manager.sendTransaction(gasPrice, GAS_LIMIT, call.to(), call.data(), call.value());
      if (sent.hasError()) {
        throw new IllegalStateException(call.function() + ": " + sent.getError().getMessage());
      }
      TransactionReceipt receipt =
          new PollingTransactionReceiptProcessor(web3j, 50, 400)
              .waitForTransactionReceipt(sent.getTransactionHash());
      if (!receipt.isStatusOK()) {
        throw new IllegalStateException(call.function() + " reverted");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (TransactionException e) {
      throw new IllegalStateException(e);
    }
  }

  // Chain time jumps instead of waiting (DESIGN §12).
  private void jumpTo(Instant time) {
    try {
      long now =
          web3j
              .ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false)
              .send()
              .getBlock()
              .getTimestamp()
              .longValueExact();
      long seconds = Math.max(1, time.getEpochSecond() - now);
      anvil.rpc("evm_increaseTime", seconds);
      anvil.rpc("evm_mine");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Hex32 randomSeed() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Hex32.of(bytes);
  }

  static BigInteger ether(String amount) {
    return Convert.toWei(amount, Convert.Unit.ETHER).toBigIntegerExact();
  }
}
