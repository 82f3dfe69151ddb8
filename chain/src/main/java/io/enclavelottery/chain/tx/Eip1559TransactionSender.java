package io.enclavelottery.chain.tx;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.RevertDecoder;
import io.enclavelottery.chain.contract.RevertReason;
import io.enclavelottery.chain.signer.Signer;
import io.enclavelottery.chain.signer.SigningException;
import io.enclavelottery.chain.tx.TransactionRpc.CallOutcome;
import io.enclavelottery.chain.tx.TransactionRpc.CallRequest;
import io.enclavelottery.chain.tx.TransactionRpc.GasEstimate;
import io.enclavelottery.chain.tx.TransactionSubmitter.Submission;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;

/**
 * The {@link TransactionSender} for EIP-1559 chains: simulate with {@code eth_call} at {@code
 * pending}, estimate gas, price with a {@link FeePolicy}, check the precondition, take the next
 * nonce, sign, send, then wait with a {@link ReceiptWatcher}. Nonce errors from the node make it
 * re-read the nonce from the chain and try again. Logs name functions, hashes, nonces and fees,
 * never call data (a draw's data is its seed).
 */
public final class Eip1559TransactionSender implements TransactionSender {

  private static final Logger LOG = LoggerFactory.getLogger(Eip1559TransactionSender.class);

  /** Sends of a new transaction before giving up on a nonce that keeps moving. */
  private static final int NONCE_ATTEMPTS = 3;

  private final TransactionRpc rpc;
  private final Signer signer;
  private final RevertDecoder decoder;
  private final FeeCalculator fees;
  private final NonceSequence nonces;
  private final TransactionSubmitter submitter;
  private final ReceiptWatcher watcher;
  private final Clock clock;
  private final PendingTransactions pending = new PendingTransactions();

  /** The first send of a call: in flight, or settled without a transaction in the pool. */
  private sealed interface FirstSend {
    record InPool(InFlight flight) implements FirstSend {}

    record Settled(SendResult result) implements FirstSend {}
  }

  /** The gas limit a payload is sent with, or the result that settles it before any send. */
  private sealed interface Estimate {
    record Gas(BigInteger limit) implements Estimate {}

    record Settled(SendResult result) implements Estimate {}
  }

  /**
   * @param rpc the node
   * @param signer signs for the one address this sender sends from
   * @param chainId the chain every transaction is signed for
   * @param decoder decodes revert data (usually {@link RevertDecoder#lottery()})
   * @param feePolicy gas limits, fees and the fee cap
   * @param receiptPolicy polling, replacement and give-up times
   * @param clock the time for replacement and give-up decisions
   * @param blockWait the pause between receipt checks
   */
  public Eip1559TransactionSender(
      TransactionRpc rpc,
      Signer signer,
      long chainId,
      RevertDecoder decoder,
      FeePolicy feePolicy,
      ReceiptPolicy receiptPolicy,
      Clock clock,
      BlockWait blockWait) {
    this(
        rpc,
        signer,
        chainId,
        decoder,
        feePolicy,
        receiptPolicy,
        clock,
        blockWait,
        new NonceSequence(signer.address(), rpc));
  }

  /**
   * A sender that takes its nonces from {@code nonces}, which other senders from the same address
   * may share: they then send one at a time and never pick the same nonce.
   *
   * @throws IllegalArgumentException when {@code nonces} is another address's
   */
  public Eip1559TransactionSender(
      TransactionRpc rpc,
      Signer signer,
      long chainId,
      RevertDecoder decoder,
      FeePolicy feePolicy,
      ReceiptPolicy receiptPolicy,
      Clock clock,
      BlockWait blockWait,
      NonceSequence nonces) {
    this.rpc = Objects.requireNonNull(rpc, "rpc");
    this.signer = Objects.requireNonNull(signer, "signer");
    this.decoder = Objects.requireNonNull(decoder, "decoder");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.fees = new FeeCalculator(feePolicy);
    if (!nonces.address().equalsIgnoreCase(signer.address())) {
      throw new IllegalArgumentException(
          "the nonces of " + nonces.address() + " cannot serve " + signer.address());
    }
    this.nonces = nonces;
    this.submitter = new TransactionSubmitter(rpc, signer, chainId);
    this.watcher =
        new ReceiptWatcher(
            rpc,
            submitter,
            fees,
            decoder,
            Objects.requireNonNull(receiptPolicy, "receiptPolicy"),
            clock,
            Objects.requireNonNull(blockWait, "blockWait"),
            nonces,
            pending);
  }

  /**
   * A sender over {@code web3j} for the Lottery contract: asks the node for its chain id, decodes
   * the Lottery's custom errors, uses the system clock.
   */
  public static Eip1559TransactionSender forLottery(
      Web3j web3j,
      Signer signer,
      FeePolicy feePolicy,
      ReceiptPolicy receiptPolicy,
      BlockWait blockWait) {
    TransactionRpc rpc = new Web3jTransactionRpc(web3j);
    return new Eip1559TransactionSender(
        rpc,
        signer,
        rpc.chainId(),
        RevertDecoder.lottery(),
        feePolicy,
        receiptPolicy,
        Clock.systemUTC(),
        blockWait);
  }

  @Override
  public String address() {
    return signer.address();
  }

  @Override
  public List<SentTransaction> pending() {
    return pending.list();
  }

  @Override
  public SendResult send(ContractCall call, Precondition precondition) {
    return send(new Payload.Call(call), precondition);
  }

  @Override
  public SendResult send(SignerBuiltCall call, Precondition precondition) {
    return send(new Payload.SignerBuilt(call), precondition);
  }

  @Override
  public SendResult send(Payload payload, Precondition precondition) {
    Objects.requireNonNull(precondition, "precondition");
    try {
      Estimate estimate =
          payload instanceof Payload.SignerBuilt built && built.call().standIn().isEmpty()
              ? new Estimate.Gas(built.call().gasLimit())
              : simulate(payload.simulated().orElseThrow(), precondition);
      if (estimate instanceof Estimate.Settled settled) {
        return settled.result();
      }
      return price(payload, precondition, ((Estimate.Gas) estimate).limit());
    } catch (RpcException | SigningException e) {
      LOG.warn("{} failed: {}", payload.function(), e.getMessage());
      return new SendResult.Failed(payload.function(), e.getMessage());
    }
  }

  /** Simulates {@code call} at {@code pending} and estimates its gas. */
  private Estimate simulate(ContractCall call, Precondition precondition) {
    CallRequest request = new CallRequest(signer.address(), call.to(), call.value(), call.data());
    CallOutcome simulated = rpc.call(request, DefaultBlockParameterName.PENDING);
    if (simulated instanceof CallOutcome.Reverted reverted) {
      return new Estimate.Settled(wouldRevert(call, precondition, reverted.data()));
    }
    if (simulated instanceof CallOutcome.Refused refused) {
      return new Estimate.Settled(
          new SendResult.Failed(
              call.function(), "the node would not simulate the call: " + refused.message()));
    }
    GasEstimate estimate = rpc.estimateGas(request);
    if (estimate instanceof GasEstimate.Reverted reverted) {
      return new Estimate.Settled(wouldRevert(call, precondition, reverted.data()));
    }
    if (estimate instanceof GasEstimate.Refused refused) {
      return new Estimate.Settled(
          new SendResult.Failed(
              call.function(), "the node would not estimate gas: " + refused.message()));
    }
    return new Estimate.Gas(fees.gasLimit(((GasEstimate.Estimated) estimate).gas()));
  }

  private SendResult price(Payload payload, Precondition precondition, BigInteger gasLimit) {
    BigInteger baseFee = rpc.baseFee();
    Fees initial = fees.initial(baseFee, rpc.maxPriorityFee());
    if (initial.maxFeePerGas().compareTo(baseFee) < 0) {
      LOG.warn(
          "{}: the fee cap of {} is below the base fee of {}; the transaction can only be mined"
              + " once the base fee falls, and some nodes refuse it",
          payload.function(),
          Gwei.format(initial.maxFeePerGas()),
          Gwei.format(baseFee));
    }
    FirstSend first = sendFirst(payload, precondition, gasLimit, initial);
    if (first instanceof FirstSend.Settled settled) {
      return settled.result();
    }
    return watcher.await(((FirstSend.InPool) first).flight(), precondition);
  }

  /** A reverting simulation is {@code NotNeeded} when the precondition says so, else reported. */
  private SendResult wouldRevert(ContractCall call, Precondition precondition, String data) {
    RevertReason reason = decoder.decode(data);
    if (!stillNeededOr(precondition, true)) {
      return new SendResult.NotNeeded(call.function());
    }
    LOG.info("{} not sent: it would revert with {}", call.function(), reason.describe());
    return new SendResult.WouldRevert(call.function(), reason);
  }

  /**
   * Checks the precondition and sends holding the nonce sequence (shared by every sender from this
   * address), so nonces go out in order; returns the transaction in the pool or a final {@link
   * SendResult}.
   */
  private FirstSend sendFirst(
      Payload payload, Precondition precondition, BigInteger gasLimit, Fees initial) {
    synchronized (nonces) {
      boolean needed;
      try {
        needed = precondition.stillNeeded();
      } catch (RuntimeException e) {
        return new FirstSend.Settled(
            new SendResult.Failed(
                payload.function(),
                "could not tell whether it is still needed: " + e.getMessage()));
      }
      if (!needed) {
        LOG.info("{} not sent: no longer needed", payload.function());
        return new FirstSend.Settled(new SendResult.NotNeeded(payload.function()));
      }
      String lastRefusal = "";
      for (int attempt = 1; attempt <= NONCE_ATTEMPTS; attempt++) {
        BigInteger nonce = nonces.peek();
        Instant sentAt = clock.instant();
        Submission submission = submitter.submit(nonce, gasLimit, payload, initial);
        if (submission instanceof Submission.Sent sent) {
          nonces.used(nonce);
          LOG.info(
              "{} sent as {} (nonce {}, gas {}, {})",
              payload.function(),
              sent.hash(),
              nonce,
              gasLimit,
              initial);
          return new FirstSend.InPool(
              new InFlight(
                  payload,
                  signer.address(),
                  nonce,
                  new InFlight.Version(sent.hash(), initial, gasLimit, false, sentAt)));
        }
        Submission.Refused refused = (Submission.Refused) submission;
        lastRefusal = refused.message();
        nonces.resync();
        if (!refused.kind().isNonceProblem()) {
          LOG.warn("{} refused by the node: {}", payload.function(), refused.message());
          return new FirstSend.Settled(
              new SendResult.Failed(
                  payload.function(), "the node refused the transaction: " + refused.message()));
        }
        LOG.info(
            "{}: nonce {} refused ({}); reading the nonce from the chain again",
            payload.function(),
            nonce,
            refused.message());
      }
      return new FirstSend.Settled(
          new SendResult.Failed(
              payload.function(),
              "the nonce kept moving under "
                  + NONCE_ATTEMPTS
                  + " attempts (another process sends from "
                  + signer.address()
                  + "?): "
                  + lastRefusal));
    }
  }

  private static boolean stillNeededOr(Precondition precondition, boolean fallback) {
    try {
      return precondition.stillNeeded();
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}
