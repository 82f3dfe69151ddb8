package io.enclavelottery.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.contract.RevertDecoder;
import io.enclavelottery.chain.contract.RevertReason;
import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.generated.LotteryBinding;
import io.enclavelottery.chain.signer.LocalKeySigner;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.Transaction;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/** The sender against a real Anvil node: nonces, stuck transactions, reverts, preconditions. */
class Eip1559TransactionSenderIT {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  /** Quick polls and replacements, so a stuck transaction is replaced within a second. */
  private static final ReceiptPolicy QUICK =
      new ReceiptPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(60), 5);

  private LocalAnvil anvil;
  private HttpService service;
  private Web3j web3j;
  private AnvilControl control;
  private TransactionRpc rpc;

  @BeforeEach
  void startChain() {
    anvil = LocalAnvil.start(LocalAnvil.Options.defaults().automine());
    service = new HttpService(anvil.httpUrl());
    web3j = Web3j.build(service);
    control = new AnvilControl(anvil);
    rpc = new Web3jTransactionRpc(web3j);
  }

  @AfterEach
  void stopChain() {
    web3j.shutdown();
    anvil.close();
  }

  private Eip1559TransactionSender senderFor(DevAccount account) {
    return new Eip1559TransactionSender(
        rpc,
        new LocalKeySigner(account.key()),
        LocalAnvil.CHAIN_ID,
        RevertDecoder.lottery(),
        FeePolicy.defaults(),
        QUICK,
        Clock.systemUTC(),
        BlockWait.fixedInterval());
  }

  /** One wei to a dev account: a call any account can make, no contract needed. */
  private ContractCall transferTo(DevAccount recipient) {
    return new ContractCall(recipient.address(), "transfer", "0x", BigInteger.ONE);
  }

  private BigInteger nonceOnChain(DevAccount account, DefaultBlockParameterName block) {
    return rpc.transactionCount(account.address(), block);
  }

  private Transaction transaction(String hash) throws Exception {
    return web3j.ethGetTransactionByHash(hash).send().getTransaction().orElseThrow();
  }

  @Test
  void recoversWhenAnvilSetNonceMovedTheNonce() throws Exception {
    DevAccount from = anvil.account(0);
    Eip1559TransactionSender sender = senderFor(from);
    assertThat(sender.send(transferTo(anvil.account(5)))).isInstanceOf(SendResult.Mined.class);

    control.setNonce(from.address(), BigInteger.valueOf(10));
    SendResult next = sender.send(transferTo(anvil.account(5)));

    assertThat(next).isInstanceOf(SendResult.Mined.class);
    assertThat(transaction(((SendResult.Mined) next).transaction().hash()).getNonce())
        .isEqualTo(BigInteger.valueOf(10));
    assertThat(nonceOnChain(from, DefaultBlockParameterName.LATEST))
        .isEqualTo(BigInteger.valueOf(11));
  }

  @Test
  void recoversWhenAnotherProcessSentFromTheSameKey() throws Exception {
    DevAccount from = anvil.account(0);
    Eip1559TransactionSender ours = senderFor(from);
    Eip1559TransactionSender anotherProcess = senderFor(from);
    assertThat(ours.send(transferTo(anvil.account(5)))).isInstanceOf(SendResult.Mined.class);
    assertThat(anotherProcess.send(transferTo(anvil.account(6))))
        .isInstanceOf(SendResult.Mined.class);

    SendResult next = ours.send(transferTo(anvil.account(5)));

    assertThat(next).isInstanceOf(SendResult.Mined.class);
    assertThat(transaction(((SendResult.Mined) next).transaction().hash()).getNonce())
        .isEqualTo(BigInteger.TWO);
  }

  @Test
  void replacesATransactionStuckUnderARisenBaseFee() throws Exception {
    DevAccount from = anvil.account(0);
    Eip1559TransactionSender sender = senderFor(from);
    control.setAutomine(false);

    CompletableFuture<SendResult> sending =
        CompletableFuture.supplyAsync(() -> sender.send(transferTo(anvil.account(5))));
    SentTransaction first = awaitPending(sender);
    // the next block's base fee is far above the first version's max fee: it cannot be included
    BigInteger highBaseFee = first.fees().maxFeePerGas().multiply(BigInteger.valueOf(4));
    control.setNextBlockBaseFee(highBaseFee);
    control.mine();
    await()
        .atMost(PATIENCE)
        .until(() -> sender.pending().stream().anyMatch(tx -> tx.replacements() >= 1));
    control.mine();
    SendResult result = sending.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

    assertThat(result).isInstanceOf(SendResult.Mined.class);
    SentTransaction mined = ((SendResult.Mined) result).transaction();
    assertThat(mined.hash()).isNotEqualTo(first.hash());
    assertThat(mined.replacements()).isGreaterThanOrEqualTo(1);
    assertThat(rpc.receipt(first.hash())).isEmpty();
    Transaction onChain = transaction(mined.hash());
    assertThat(onChain.getNonce()).isEqualTo(first.nonce());
    assertThat(onChain.getMaxFeePerGas()).isGreaterThan(highBaseFee);
    assertAtLeastTenPercentAbove(onChain.getMaxFeePerGas(), first.fees().maxFeePerGas());
    assertAtLeastTenPercentAbove(
        onChain.getMaxPriorityFeePerGas(), first.fees().maxPriorityFeePerGas());
  }

  @Test
  void replacesATransactionLeftInThePoolWithTheSameNonce() throws Exception {
    DevAccount from = anvil.account(0);
    Eip1559TransactionSender sender = senderFor(from);
    control.setAutomine(false);

    CompletableFuture<SendResult> sending =
        CompletableFuture.supplyAsync(() -> sender.send(transferTo(anvil.account(5))));
    SentTransaction first = awaitPending(sender);
    await()
        .atMost(PATIENCE)
        .until(() -> sender.pending().stream().anyMatch(tx -> tx.replacements() >= 1));
    control.mine();
    SendResult result = sending.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

    assertThat(result).isInstanceOf(SendResult.Mined.class);
    SentTransaction mined = ((SendResult.Mined) result).transaction();
    Transaction onChain = transaction(mined.hash());
    assertThat(onChain.getNonce()).isEqualTo(first.nonce());
    assertAtLeastTenPercentAbove(onChain.getMaxFeePerGas(), first.fees().maxFeePerGas());
    assertAtLeastTenPercentAbove(
        onChain.getMaxPriorityFeePerGas(), first.fees().maxPriorityFeePerGas());
    assertThat(rpc.receipt(first.hash())).isEmpty();
    assertThat(nonceOnChain(from, DefaultBlockParameterName.LATEST)).isEqualTo(BigInteger.ONE);
  }

  @Test
  void aRevertingCallIsReportedByItsCustomErrorAndNothingIsSent() {
    String lottery = deployLottery();
    DevAccount stranger = anvil.account(4);
    Eip1559TransactionSender sender = senderFor(stranger);
    BigInteger blockBefore = blockNumber();

    SendResult notOperator = sender.send(new LotteryCalls(lottery).startRound());
    SendResult tooSmall = sender.send(new LotteryCalls(lottery).placeBet(BigInteger.ONE));

    assertThat(notOperator).isInstanceOf(SendResult.WouldRevert.class);
    assertThat(((SendResult.WouldRevert) notOperator).reason())
        .isEqualTo(new RevertReason.CustomError("NotOperator", List.of()));
    assertThat(tooSmall).isInstanceOf(SendResult.WouldRevert.class);
    RevertReason reason = ((SendResult.WouldRevert) tooSmall).reason();
    assertThat(reason).isInstanceOf(RevertReason.CustomError.class);
    assertThat(((RevertReason.CustomError) reason).name()).isEqualTo("BetTooSmall");
    assertThat(((RevertReason.CustomError) reason).arguments().get(0)).isEqualTo(BigInteger.ONE);
    assertThat(nonceOnChain(stranger, DefaultBlockParameterName.PENDING)).isZero();
    assertThat(nonceOnChain(stranger, DefaultBlockParameterName.LATEST)).isZero();
    assertThat(blockNumber()).isEqualTo(blockBefore);
  }

  @Test
  void sendsNothingWhenThePreconditionReadFromTheChainSaysItIsDone() throws Exception {
    String lottery = deployLottery();
    DevAccount operator = anvil.account(1);
    Eip1559TransactionSender sender = senderFor(operator);
    LotteryBinding views =
        LotteryBinding.load(
            lottery,
            web3j,
            new ReadonlyTransactionManager(web3j, operator.address()),
            new DefaultGasProvider());
    Precondition notPausedYet = () -> !sendUnchecked(views);
    ContractCall pause = new LotteryCalls(lottery).setPaused(true);

    SendResult first = sender.send(pause, notPausedYet);
    BigInteger nonceAfterFirst = nonceOnChain(operator, DefaultBlockParameterName.PENDING);
    SendResult second = sender.send(pause, notPausedYet);

    assertThat(first).isInstanceOf(SendResult.Mined.class);
    assertThat(views.paused().send()).isTrue();
    assertThat(second).isEqualTo(new SendResult.NotNeeded("setPaused"));
    assertThat(nonceOnChain(operator, DefaultBlockParameterName.PENDING))
        .isEqualTo(nonceAfterFirst);
  }

  @Test
  void aTransactionNoLongerNeededWhileStuckIsCancelledNotReplaced() throws Exception {
    DevAccount from = anvil.account(0);
    DevAccount recipient = anvil.account(5);
    BigInteger balanceBefore = balance(recipient);
    Eip1559TransactionSender sender = senderFor(from);
    AtomicBoolean needed = new AtomicBoolean(true);
    control.setAutomine(false);

    CompletableFuture<SendResult> sending =
        CompletableFuture.supplyAsync(() -> sender.send(transferTo(recipient), needed::get));
    SentTransaction first = awaitPending(sender);
    needed.set(false);
    await()
        .atMost(PATIENCE)
        .until(() -> sender.pending().stream().anyMatch(SentTransaction::cancelling));
    control.mine();
    SendResult result = sending.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

    assertThat(result).isInstanceOf(SendResult.Cancelled.class);
    Transaction cancellation = transaction(((SendResult.Cancelled) result).transaction().hash());
    assertThat(cancellation.getNonce()).isEqualTo(first.nonce());
    assertThat(cancellation.getTo()).isEqualTo(from.address());
    assertThat(cancellation.getValue()).isZero();
    assertThat(rpc.receipt(first.hash())).isEmpty();
    assertThat(balance(recipient)).isEqualTo(balanceBefore);
  }

  private SentTransaction awaitPending(TransactionSender sender) {
    await().atMost(PATIENCE).until(() -> !sender.pending().isEmpty());
    return sender.pending().get(0);
  }

  private String deployLottery() {
    return new LotteryDeployer(web3j, anvil.httpUrl())
        .deploy(
            anvil.account(0).key(),
            LotteryDeployer.Options.forLocalChain(anvil.account(1).address()))
        .address();
  }

  private BigInteger blockNumber() {
    try {
      return web3j.ethBlockNumber().send().getBlockNumber();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private BigInteger balance(DevAccount account) throws Exception {
    return web3j
        .ethGetBalance(account.address(), DefaultBlockParameterName.LATEST)
        .send()
        .getBalance();
  }

  private static boolean sendUnchecked(LotteryBinding views) {
    try {
      return views.paused().send();
    } catch (Exception e) {
      throw new RpcException("paused() failed: " + e.getMessage(), e);
    }
  }

  private static void assertAtLeastTenPercentAbove(BigInteger replacement, BigInteger original) {
    assertThat(replacement.multiply(BigInteger.valueOf(100)))
        .isGreaterThanOrEqualTo(original.multiply(BigInteger.valueOf(110)));
  }
}
